using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Invitations;
using Coordination.Surveys.Mailing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Surveys.Tests;

/// <summary>Networks, projects and people made in Membership (known to Surveys through its
/// events), surveys, invitations and the personal links from the mails.</summary>
internal static partial class SurveysSetup
{
    private static int _counter;

    public static readonly Dictionary<string, string?> NoPublicRateLimit = new() { ["Coordination:RateLimits:PublicFormsPerMinute"] = "1000000" };

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    public static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);

    public static async Task<T> InSurveysAsync<T>(CoordinationApp app, Func<SurveysDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SurveysDbContext>());
    }

    public static Task<Guid> NetworkAsync(CoordinationApp app, HttpClient coordinator)
        => ApiSetup.NetworkAsync<SurveysDbContext>(
            app, coordinator, new { fi = $"Kyselyverkosto {Interlocked.Increment(ref _counter)} {Guid.NewGuid():N}", sv = "Enkätnätverket" }, (db, id) => db.Networks.AnyAsync(n => n.NetworkId == id), "Surveys learns the network");

    public static async Task<Guid> ProjectAsync(CoordinationApp app, HttpClient coordinator, Guid networkId, string acronym)
    {
        var lead = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym} {Guid.NewGuid():N}", type = "educationProvider", language = "fi" }));
        var response = await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-9/2026", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 30000m,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var id = (body!["id"] ?? body["projectId"])!.GetValue<Guid>();
        Assert.That(await Eventually.WaitForAsync(() => InSurveysAsync(app, db => db.Projects.AnyAsync(p => p.ProjectId == id)), k => k), Is.True, "Surveys learns the project");
        return id;
    }

    public static async Task<Guid> PersonAsync(CoordinationApp app, HttpClient coordinator, string email, object[] roles, string language = "fi")
    {
        var id = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = $"Henkilö {email}", email, language, roles }));
        Assert.That(await Eventually.WaitForAsync(() => InSurveysAsync(app, db => db.People.AnyAsync(p => p.PersonId == id)), k => k), Is.True, "Surveys learns the person");
        return id;
    }

    public static object Likert(string key, string fi, bool cantSay = true, bool required = false, string? sv = null)
        => new { key, type = "likert", text = new { fi, sv }, cantSay, required, lowLabel = new { fi = "Täysin eri mieltä", sv = "Helt av annan åsikt" }, highLabel = new { fi = "Täysin samaa mieltä", sv = "Helt av samma åsikt" } };

    /// <summary>A survey opened by the coordinator (at its opening time: scheduled when that is to come).</summary>
    public static async Task<Guid> SurveyAsync(HttpClient coordinator, Guid networkId, object[] questions, bool anonymous = true, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, string title = "Palautekysely", int? remindEveryDays = null)
    {
        var id = await DraftAsync(coordinator, networkId, questions, anonymous, opensAt, closesAt, title, remindEveryDays);
        await OpenAsync(coordinator, id);
        return id;
    }

    /// <summary>A survey as created: a draft until opened.</summary>
    public static async Task<Guid> DraftAsync(HttpClient coordinator, Guid networkId, object[] questions, bool anonymous = true, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, string title = "Palautekysely", int? remindEveryDays = null)
        => await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/surveys", new
        {
            networkId,
            title = new { fi = title, sv = "Responsenkät" },
            intro = new { fi = "Kiitos, että vastaat." },
            anonymous,
            opensAt = Time(opensAt ?? DateTimeOffset.UtcNow.AddMinutes(-5)),
            closesAt = Time(closesAt ?? DateTimeOffset.UtcNow.AddDays(14)),
            remindEveryDays,
            questions,
        }));

    /// <summary>Opens a draft at its opening time (now when that has passed).</summary>
    public static async Task OpenAsync(HttpClient coordinator, Guid surveyId)
    {
        var response = await coordinator.PostAsync($"/api/v1/surveys/{surveyId}/open?scheduled=true", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    public static async Task InviteAsync(HttpClient coordinator, Guid surveyId, params (string Email, Guid? ProjectId)[] recipients)
    {
        var response = await coordinator.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/invitations", new { recipients = recipients.Select(r => new { email = r.Email, name = "Vastaaja " + r.Email[..3], projectId = r.ProjectId }) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    public static async Task RunMailJobAsync(CoordinationApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<SendSurveyMailJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    /// <summary>The token of the personal link in the last invitation mailed to <paramref name="email"/>.</summary>
    public static string TokenFor(CoordinationApp app, string email)
        => Link().Match(app.PickedUpMail().Last(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).TextBody!).Groups[1].Value;

    /// <summary>The token of the personal link in the last invitation mailed to <paramref name="email"/>.</summary>
    public static async Task<string> TokenForAsync(CoordinationApp app, string email)
        => Link().Match((await app.MailAsync()).Last(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)).TextBody!).Groups[1].Value;

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string token, object answers, bool draft = false)
        => client.PostAsJsonAsync("/api/v1/surveys/responses", new { token, answers, draft });

    /// <summary>Invites the addresses, sends the mails and answers each with its answers.</summary>
    public static async Task AnswerAllAsync(CoordinationApp app, HttpClient coordinator, Guid surveyId, IReadOnlyList<(string Email, Guid? ProjectId, object Answers)> respondents)
    {
        await InviteAsync(coordinator, surveyId, [.. respondents.Select(r => (r.Email, r.ProjectId))]);
        await RunMailJobAsync(app);
        var client = app.CreateClient();
        foreach (var (email, _, answers) in respondents)
        {
            var response = await AnswerAsync(client, await TokenForAsync(app, email), answers);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        }
    }

    [GeneratedRegex(@"/s/([A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}

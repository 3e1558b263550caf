using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Coordination.Membership.Tests;

/// <summary>Creates the network data tests build on, through the API as a coordinator would.</summary>
internal static class Setup
{
    private static int _counter;

    /// <summary>Valid fictional business IDs (check digit computed by hand).</summary>
    public static readonly string[] BusinessIds =
    [
        "3416721-2", "1068403-9", "8854214-5", "3044324-0", "4519568-1", "3237418-9", "4049483-4", "6694672-0", "3440107-2", "4887523-6",
        "1637425-0", "6958351-5", "0349931-0", "5247005-5", "1450545-6", "2691493-5", "7424692-7", "5905072-3", "5549173-2", "6310002-5",
    ];

    public static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);

    public static async Task<Guid> NetworkAsync(HttpClient coordinator, string? name = null)
        => await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = name ?? $"Verkosto {Interlocked.Increment(ref _counter)} {Guid.NewGuid():N}" } }));

    /// <summary>An organisation without a business ID (the tests that need one give it).</summary>
    public static async Task<Guid> OrganisationAsync(HttpClient coordinator, string? name = null, string? businessId = null)
        => await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new
        {
            name = name ?? $"Opisto {Interlocked.Increment(ref _counter)} {Guid.NewGuid():N}",
            businessId,
            type = "educationProvider",
            language = "fi",
        }));

    public static async Task<Guid> ProjectAsync(HttpClient coordinator, Guid networkId, Guid lead, Guid[]? partners = null, string start = "2026-01-01", string end = "2027-12-31")
        => await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId,
            name = $"Hanke {Interlocked.Increment(ref _counter)}",
            acronym = "HNK",
            fundingDecisionNumber = "OPH-1/2026",
            leadOrganisationId = lead,
            partnerOrganisationIds = partners ?? [],
            startDate = start,
            endDate = end,
            grantedAmount = 300000m,
            ownFinancing = 100000m,
        }));

    public static async Task<Guid> PersonAsync(HttpClient client, string email, object[] roles, Guid? organisationId = null, string name = "Testi Henkilö")
        => await IdOfAsync(await client.PostAsJsonAsync("/api/v1/membership/people", new { name, email, organisationId, language = "fi", roles }));

    /// <summary>A project manager of <paramref name="projectId"/>: a directory entry with the role,
    /// invited to a sign-in (which is linked to the entry).</summary>
    public static async Task<HttpClient> ProjectManagerAsync(CoordinationApp app, HttpClient coordinator, Guid projectId)
    {
        var email = $"pp-{Guid.NewGuid():N}@example.fi";
        var id = await PersonAsync(coordinator, email, [new { role = "projectManager", projectId }]);
        return await InvitedAsync(app, coordinator, id, email);
    }

    /// <summary>Invites the person as a coordinator does, sets the password the link would let
    /// them choose, and signs in to the API.</summary>
    public static async Task<HttpClient> InvitedAsync(CoordinationApp app, HttpClient coordinator, Guid personId, string email)
    {
        var invited = await coordinator.PostAsync($"/api/v1/membership/people/{personId}/invitation", null);
        Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await invited.Content.ReadAsStringAsync());
        await app.SetPasswordAsync(email);
        return await app.ApiClientForAsync(email, CoordinationApp.Password);
    }

    public static string Application(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Applications", name));

    /// <summary>The application with its project renamed "… (<paramref name="variant"/>)": another
    /// application of the same applicant, so tests sharing a database do not import one twice.</summary>
    public static string Application(string name, string variant)
        => Application(name).Replace("Yhdessä osaamista – verkostot ohjauksen tukena", $"Yhdessä osaamista – verkostot ohjauksen tukena ({variant})", StringComparison.Ordinal);
}

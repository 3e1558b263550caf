using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Events.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>Networks (made in Membership, known to Events through NetworkCreated) and events.</summary>
internal static class EventsSetup
{
    /// <summary>Settings for fixtures that send many public requests from one address.</summary>
    public static readonly Dictionary<string, string?> NoPublicRateLimit = new() { ["Coordination:RateLimits:PublicFormsPerMinute"] = "1000000" };

    public static Task<Guid> NetworkAsync(CoordinationApp app, HttpClient coordinator)
        => ApiSetup.NetworkAsync<EventsDbContext>(
            app, coordinator, new { fi = $"Tapahtumaverkosto {Guid.NewGuid():N}", sv = "Evenemangsnätverket" }, (db, id) => db.Networks.AnyAsync(n => n.NetworkId == id), "Events learns the network from NetworkCreated");

    /// <summary>A project of <paramref name="networkId"/> (made in Membership); returns once Events knows it.</summary>
    public static async Task<Guid> ProjectAsync(CoordinationApp app, HttpClient coordinator, Guid networkId, string acronym)
    {
        var lead = await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym} {Guid.NewGuid():N}", type = "educationProvider", language = "fi" });
        Assert.That(lead.StatusCode, Is.EqualTo(HttpStatusCode.Created), await lead.Content.ReadAsStringAsync());
        var response = await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-5/2026",
            leadOrganisationId = (await lead.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>(), partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 30000m,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var known = await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EventsDbContext>().Projects.AnyAsync(p => p.ProjectId == id);
        }, k => k);
        Assert.That(known, Is.True, "Events learns the project from ProjectJoinedNetwork");
        return id;
    }

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<Guid> EventAsync(HttpClient coordinator, Guid networkId, int? capacity = null, string audience = "public", DateTimeOffset? startsAt = null, string type = "webinar", string? onlineLink = "https://meet.example.fi/abc", Guid? projectId = null)
    {
        var start = startsAt ?? DateTimeOffset.UtcNow.AddDays(10);
        var response = await coordinator.PostAsJsonAsync("/api/v1/events", new
        {
            networkId,
            type,
            title = new { fi = "Verkostowebinaari", sv = "Nätverkswebbinarium" },
            description = new { fi = "Kuvaus **tapahtumasta**." },
            startsAt = Time(start),
            endsAt = Time(start.AddHours(2)),
            audience,
            capacity,
            place = "Helsinki",
            onlineLink,
            projectId,
        });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Assert.Fail(await response.Content.ReadAsStringAsync());
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>Sets the time of an event made by <see cref="EventAsync"/> (an event is entered ahead
    /// and dated afterwards when it has begun or was held in the past).</summary>
    public static async Task DateAsync(HttpClient coordinator, Guid networkId, Guid id, DateTimeOffset startsAt, string type = "webinar", int? capacity = null, string audience = "public")
    {
        var response = await coordinator.PutAsJsonAsync($"/api/v1/events/{id}", new
        {
            networkId, type, title = new { fi = "Verkostowebinaari", sv = "Nätverkswebbinarium" }, description = new { fi = "Kuvaus **tapahtumasta**." },
            startsAt = Time(startsAt), endsAt = Time(startsAt.AddHours(2)), audience, capacity, place = "Helsinki", onlineLink = "https://meet.example.fi/abc",
        });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Guid eventId, string email, string name = "Vieras Henkilö", string? organisation = null)
        => client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { name, email, organisation, needs = "Gluteeniton" });

    public static async Task<string> StatusAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Events.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Events.Tests;

/// <summary>People of the directory (made in Membership, known to Events through its events) who
/// can sign in as themselves, for the meeting record's tests.</summary>
internal static class MeetingSetup
{
    /// <summary>A directory person (with the steering-group role of the network
    /// <paramref name="steeringGroupOf"/> or of the project <paramref name="steeringGroupOfProject"/>
    /// if given), invited and signed in to the API; returns once Events knows them.</summary>
    public static async Task<(Guid PersonId, string Email, HttpClient Api)> PersonAsync(CoordinationApp app, HttpClient coordinator, string name, Guid? steeringGroupOf = null, Guid? steeringGroupOfProject = null)
    {
        var email = $"henkilo-{Guid.NewGuid():N}@example.fi";
        object[] roles = (steeringGroupOf, steeringGroupOfProject) switch
        {
            ({ } network, _) => [new { role = "steeringGroup", networkId = network }],
            (_, { } project) => [new { role = "steeringGroup", projectId = project }],
            _ => [],
        };
        var created = await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name, email, language = "fi", roles });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var personId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var invited = await coordinator.PostAsync($"/api/v1/membership/people/{personId}/invitation", null);
        Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await invited.Content.ReadAsStringAsync());
        await app.SetPasswordAsync(email);
        var known = await Eventually.WaitForAsync(() => InEventsAsync(app, db => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId)), p => p is not null && p.Name == name);
        Assert.That(known, Is.Not.Null, "Events learns the person from PersonRegistered");
        return (personId, email, await app.ApiClientForAsync(email, CoordinationApp.Password));
    }

    public static async Task<T> InEventsAsync<T>(CoordinationApp app, Func<EventsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EventsDbContext>());
    }
}

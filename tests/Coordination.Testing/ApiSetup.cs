using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>What every module's test setup does through the API: read the id of what a request
/// created, and make a network in Membership that another module has heard of.</summary>
public static class ApiSetup
{
    /// <summary>The id (<c>id</c>, or <c>projectId</c> where an answer names it so) of what a
    /// 201 answer created; any other status fails the test with the answer's body.</summary>
    public static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (body!["id"] ?? body["projectId"])!.GetValue<Guid>();
    }

    /// <summary>Makes a network in Membership and returns once <paramref name="known"/> (a query
    /// of the module's database, with the network's id) says the module has heard of it.</summary>
    public static async Task<Guid> NetworkAsync<TDb>(CoordinationApp app, HttpClient coordinator, object name, Func<TDb, Guid, Task<bool>> known, string because)
        where TDb : notnull
    {
        var id = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name }));
        var heard = await Eventually.WaitForAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await known(scope.ServiceProvider.GetRequiredService<TDb>(), id);
            },
            k => k);
        Assert.That(heard, Is.True, because);
        return id;
    }
}

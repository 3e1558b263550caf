using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Contracts;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Features.TrackNetworks;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring.Tests;

/// <summary>Monitoring counts networks from Membership's NetworkCreated events.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NetworkIndicatorTests(Provider provider)
{
    [Test]
    public async Task A_created_network_is_counted_on_the_indicators_page_and_API()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Seurattava verkosto" } });
        await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Toinen seurattava" } });

        var funder = await app.ApiClientAsync(Roles.Funder);
        var indicators = await Eventually.WaitForAsync(
            () => funder.GetFromJsonAsync<JsonObject>("/api/v1/monitoring/indicators")!,
            i => i!["networks"]!.GetValue<int>() == 2);
        Assert.That(indicators!["networks"]!.GetValue<int>(), Is.EqualTo(2));

        var page = await (await app.BrowserClientAsync(Roles.Funder)).GetStringAsync("/monitoring");
        Assert.That(page, Does.Contain("data-indicator=\"networks\">2</dd>"));

        var member = await app.ApiClientAsync(Roles.Member);
        Assert.That((await member.GetAsync("/api/v1/monitoring/indicators")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_handler_keeps_one_fact_per_network()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Outbox:Enabled"] = "false" });
        _ = app.Server;
        var created = new NetworkCreated(Guid.NewGuid(), "Verkosto", null, null, DateTime.UtcNow);
        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            await new NetworkCreatedHandler(db).HandleAsync(created, new(Guid.NewGuid(), DateTime.UtcNow, "Membership"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var check = app.Services.CreateAsyncScope();
        Assert.That(await check.ServiceProvider.GetRequiredService<MonitoringDbContext>().Networks.CountAsync(), Is.EqualTo(1));
    }
}

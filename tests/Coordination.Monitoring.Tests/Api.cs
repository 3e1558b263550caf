using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Monitoring.Tests;

/// <summary>Small helpers for driving the site through its API in these tests.</summary>
internal static class Api
{
    public static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);

    public static async Task OkAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Waits until every module's outbox has delivered what it holds (the other modules
    /// have heard every event so far).</summary>
    public static async Task DrainedAsync(CoordinationApp app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var drained = await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            foreach (var database in catalog.Databases)
            {
                var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                if (await db.OutboxMessages.AnyAsync(m => m.ProcessedAt == null && m.ParkedAt == null))
                {
                    return false;
                }
            }

            return true;
        }, done => done, TimeSpan.FromSeconds(120));
        Assert.That(drained, Is.True, "every outbox delivered");
    }

    /// <summary>Runs a module's recurring job now, by the id it registered (e.g. "surveys-mail").</summary>
    public static async Task RunJobAsync(CoordinationApp app, string id)
    {
        var job = app.Services.GetRequiredService<ModuleCatalog>().Jobs.Single(j => j.Id.EndsWith(":" + id, StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(job.Id, CancellationToken.None);
    }
}

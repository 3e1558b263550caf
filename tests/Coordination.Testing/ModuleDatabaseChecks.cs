using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>What every module's database must offer from the first day.</summary>
public static class ModuleDatabaseChecks
{
    /// <summary>Starts the app on <paramref name="provider"/> and checks that the module's
    /// database is fully migrated and keeps audit, outbox and inbox rows.</summary>
    public static async Task AssertReadyAsync<TContext>(Provider provider)
        where TContext : ModuleDbContext
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database);
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(db.Database.ProviderName, Does.Contain(provider == Provider.Sqlite ? "Sqlite" : "Npgsql"));
        if (provider == Provider.Sqlite)
        {
            var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
            Assert.That(mode, Is.EqualTo("wal"));
        }
        db.Audit("test-user", "Check", "Thing", "1", null, DateTime.UtcNow);
        await db.SaveChangesAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await db.AuditEntries.CountAsync(), Is.EqualTo(1));
            Assert.That(await db.OutboxMessages.CountAsync(), Is.Zero);
            Assert.That(await db.InboxMessages.CountAsync(), Is.Zero);
        });
    }
}

using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Data;

/// <summary>The Events module's own database (its outbox, inbox and audit so far).</summary>
internal class EventsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Events";
}

internal sealed class SqliteEventsDbContext(DbContextOptions<SqliteEventsDbContext> options) : EventsDbContext(options);

internal sealed class PostgresEventsDbContext(DbContextOptions<PostgresEventsDbContext> options) : EventsDbContext(options);

internal sealed class SqliteEventsDbContextFactory : SqliteDesignTimeFactory<SqliteEventsDbContext>;

internal sealed class PostgresEventsDbContextFactory() : PostgresDesignTimeFactory<PostgresEventsDbContext>("Events");

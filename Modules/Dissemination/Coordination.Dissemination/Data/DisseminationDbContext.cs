using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Data;

/// <summary>The Dissemination module's own database (its outbox, inbox and audit so far).</summary>
internal class DisseminationDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Dissemination";
}

internal sealed class SqliteDisseminationDbContext(DbContextOptions<SqliteDisseminationDbContext> options) : DisseminationDbContext(options);

internal sealed class PostgresDisseminationDbContext(DbContextOptions<PostgresDisseminationDbContext> options) : DisseminationDbContext(options);

internal sealed class SqliteDisseminationDbContextFactory : SqliteDesignTimeFactory<SqliteDisseminationDbContext>;

internal sealed class PostgresDisseminationDbContextFactory() : PostgresDesignTimeFactory<PostgresDisseminationDbContext>("Dissemination");

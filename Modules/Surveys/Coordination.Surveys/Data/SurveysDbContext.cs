using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Surveys.Data;

/// <summary>The Surveys module's own database (its outbox, inbox and audit so far).</summary>
internal class SurveysDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "Surveys";
}

internal sealed class SqliteSurveysDbContext(DbContextOptions<SqliteSurveysDbContext> options) : SurveysDbContext(options);

internal sealed class PostgresSurveysDbContext(DbContextOptions<PostgresSurveysDbContext> options) : SurveysDbContext(options);

internal sealed class SqliteSurveysDbContextFactory : SqliteDesignTimeFactory<SqliteSurveysDbContext>;

internal sealed class PostgresSurveysDbContextFactory() : PostgresDesignTimeFactory<PostgresSurveysDbContext>("Surveys");

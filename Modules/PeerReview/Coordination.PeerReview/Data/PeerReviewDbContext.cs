using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Data;

/// <summary>The PeerReview module's own database (its outbox, inbox and audit so far).</summary>
internal class PeerReviewDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string ModuleName => "PeerReview";
}

internal sealed class SqlitePeerReviewDbContext(DbContextOptions<SqlitePeerReviewDbContext> options) : PeerReviewDbContext(options);

internal sealed class PostgresPeerReviewDbContext(DbContextOptions<PostgresPeerReviewDbContext> options) : PeerReviewDbContext(options);

internal sealed class SqlitePeerReviewDbContextFactory : SqliteDesignTimeFactory<SqlitePeerReviewDbContext>;

internal sealed class PostgresPeerReviewDbContextFactory() : PostgresDesignTimeFactory<PostgresPeerReviewDbContext>("PeerReview");

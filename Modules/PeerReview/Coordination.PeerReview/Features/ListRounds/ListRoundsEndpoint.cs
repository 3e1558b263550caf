using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.PeerReview.Rounds;

namespace Coordination.PeerReview.Features.ListRounds;

/// <summary>The rounds in the API, newest first.</summary>
internal sealed class ListRoundsEndpoint : ICarterModule
{
    public sealed record RoundSummary(Guid Id, string Name, string Type, int ReviewersPerSubmission, int MaxReviewsPerReviewer, DateTime? OpensAt, DateTime? ClosesAt, bool Open);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/peer-review/rounds", async Task<IResult> (PeerReviewDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
            return Results.Ok(rounds.Select(r => new RoundSummary(r.Id, r.Name, RoundInput.From(r).Type!, r.ReviewersPerSubmission, r.MaxReviewsPerReviewer, r.OpensAt, r.ClosesAt, r.IsOpen(now))));
        }).RequireAuthorization(Policies.Coordinator).WithTags("PeerReview").WithSummary("Lists the rounds, newest first");
    }
}

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
using Coordination.PeerReview.Statistics;

namespace Coordination.PeerReview.Features.ShowStatistics;

/// <summary>A round's figures for coordinators and the funder's observers.</summary>
internal sealed class StatisticsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
        => app.MapGet("/api/v1/peer-review/rounds/{id:guid}/statistics", async Task<IResult> (Guid id, PeerReviewDbContext db, CancellationToken ct) =>
                await RoundStatistics.ForAsync(db, id, ct) is { } s ? Results.Ok(s) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Monitoring).WithTags("PeerReview")
            .WithSummary("Submissions, reviewers, reviews done, feedback released and the average score per criterion");
}

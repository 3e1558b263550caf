using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Assigning;
using Coordination.PeerReview.Reviewers;
using Coordination.PeerReview.Rounds;
using Coordination.PeerReview.Statistics;
using Coordination.PeerReview.Submissions;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.ShowRound;

/// <summary>A round: its details in the API, and the coordinator's round page where models are
/// added, reviewers named and assigned in one click (the page's own forms post here).</summary>
internal sealed class ShowRoundEndpoints : ICarterModule
{
    public sealed record RoundModel(RoundDetails Details, KnownEvent? Event, RoundStatisticsView Statistics, List<KnownPerson> People, List<KnownProject> Projects, ReviewerInput Reviewer, FormErrors Errors, string? Saved, int? Added);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/peer-review/rounds/{id:guid}", async Task<IResult> (Guid id, PeerReviewDbContext db, TimeProvider clock, CancellationToken ct) =>
                await RoundQueries.DetailsAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) is { } d
                    ? Results.Ok(new
                    {
                        round = RoundInput.From(d.Round) with { Criteria = null },
                        criteria = d.Round.Criteria,
                        submissions = d.Submissions,
                        reviewers = d.Reviewers,
                        waiting = d.Waiting.Select(w => new { w.ModelId, w.Title, w.ProjectId, w.RequestedAt }),
                    })
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.Coordinator).WithTags("PeerReview")
            .WithSummary("A round with its criteria, submissions (reviewers, reviews done, why one lacks reviewers), reviewers with loads, and models waiting for a round");

        var pages = app.MapGroup("/peer-review/rounds").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, int? added, PeerReviewDbContext db, TimeProvider clock, CancellationToken ct) =>
            await PageAsync(db, id, clock, new ReviewerInput(), FormErrors.None, saved, added, ct) is { } model ? new RazorComponentResult<RoundPage>(new { Model = model }) : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/assign", async Task<IResult> (Guid id, IFormCollection form, Assigner assigner, ClaimsPrincipal user, CancellationToken ct) =>
            await assigner.AssignAsync(id, user.UserId(), ct) is { } result ? TypedResults.Redirect($"/peer-review/rounds/{id}?saved=assigned&added={result.Added}") : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/reviewers", async Task<IResult> (Guid id, IFormCollection form, PeerReviewDbContext db, ReviewerService reviewers, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = new ReviewerInput(form.Id("personId"), form.Text("name"), form.Text("email"), form.Id("projectId"), null,
                form.Ids("conflictProjectIds"), Language: form.Text("language"));
            return await reviewers.AddAsync(id, input, false, user.UserId(), ct) switch
            {
                null => TypedResults.NotFound(),
                ({ }, _) => TypedResults.Redirect($"/peer-review/rounds/{id}?saved=reviewer"),
                (_, var errors) => new RazorComponentResult<RoundPage>(new { Model = (await PageAsync(db, id, clock, input, errors, null, null, ct))! }) { StatusCode = 400 },
            };
        });
        pages.MapPost("/{id:guid}/submissions", async Task<IResult> (Guid id, IFormCollection form, SubmissionService submissions, ClaimsPrincipal user, CancellationToken ct) =>
            (await submissions.SubmitAsync(id, form.Id("modelId") ?? Guid.Empty, user, ct)).Outcome switch
            {
                SubmitOutcome.Created => TypedResults.Redirect($"/peer-review/rounds/{id}?saved=submitted"),
                SubmitOutcome.RoundNotFound or SubmitOutcome.ModelNotRequested => TypedResults.NotFound(),
                var outcome => TypedResults.Redirect($"/peer-review/rounds/{id}?saved={outcome}"),
            });
    }

    private static async Task<RoundModel?> PageAsync(PeerReviewDbContext db, Guid id, TimeProvider clock, ReviewerInput reviewer, FormErrors errors, string? saved, int? added, CancellationToken ct)
    {
        var details = await RoundQueries.DetailsAsync(db, id, clock.GetUtcNow().UtcDateTime, ct);
        if (details is null)
        {
            return null;
        }

        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var @event = details.Round.EventId is { } eventId ? await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == eventId, ct) : null;
        return new RoundModel(details, @event, (await RoundStatistics.ForAsync(db, id, ct))!, people, projects, reviewer, errors, saved, added);
    }
}

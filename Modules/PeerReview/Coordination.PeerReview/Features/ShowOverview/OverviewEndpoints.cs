using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Reviewers;
using Coordination.PeerReview.Reviews;
using Coordination.Shared.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Features.ShowOverview;

/// <summary>The peer-review front page: rounds for coordinators; everyone's own reviews, open
/// rounds to volunteer for (the form posts here), and a project manager's released feedback.</summary>
internal sealed class OverviewEndpoints : ICarterModule
{
    public sealed record ReleasedFeedback(Guid SubmissionId, LocalizedText Title, string Round, DateTime ReleasedAt);

    public sealed record OverviewModel(List<Round> Rounds, List<MyAssignment> Mine, List<Round> OpenToVolunteer, List<ReleasedFeedback> Feedback, List<KnownProject> Projects, bool Coordinator, string? Saved, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/peer-review", async Task<IResult> (string? saved, PeerReviewDbContext db, ReviewService reviews, ReviewAccess access, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                new RazorComponentResult<OverviewPage>(new { Model = await OverviewAsync(db, reviews, access, user, clock, saved, FormErrors.None, ct) }))
            .RequireAuthorization(Policies.Reviewing).ExcludeFromDescription();
        app.MapPost("/peer-review/rounds/{id:guid}/volunteer", async Task<IResult> (Guid id, IFormCollection form, PeerReviewDbContext db, ReviewerService reviewers, ReviewService reviews, ReviewAccess access, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var result = await reviewers.VolunteerAsync(id, user.Email(), new VolunteerInput(form.Ids("conflictProjectIds")), user.UserId(), ct);
                return result switch
                {
                    null => TypedResults.NotFound(),
                    ({ }, _) => TypedResults.Redirect("/peer-review?saved=volunteered"),
                    (_, var errors) => new RazorComponentResult<OverviewPage>(new { Model = await OverviewAsync(db, reviews, access, user, clock, null, errors, ct) }) { StatusCode = 400 },
                };
            })
            .RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
    }

    private static async Task<OverviewModel> OverviewAsync(PeerReviewDbContext db, ReviewService reviews, ReviewAccess access, ClaimsPrincipal user, TimeProvider clock, string? saved, FormErrors errors, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var coordinator = ReviewAccess.IsCoordinator(user);
        // An outside expert (reviewer only) sees their own reviews; volunteering and the network's projects are for its people.
        var network = Roles.Network.Any(user.IsInRole);
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var email = user.Email();
        var joined = email is null ? [] : await db.Reviewers.AsNoTracking().Where(r => r.Email == email).Select(r => r.RoundId).ToListAsync(ct);
        var managed = await access.ManagedProjectsAsync(user, ct);
        var feedback = managed.Count == 0 ? [] : await (from s in db.Submissions.AsNoTracking()
                                                         where s.FeedbackReleasedAt != null && s.ProjectId != null && managed.Contains(s.ProjectId.Value)
                                                         join r in db.Rounds.AsNoTracking() on s.RoundId equals r.Id
                                                         orderby s.FeedbackReleasedAt descending
                                                         select new ReleasedFeedback(s.Id, s.Title, r.Name, s.FeedbackReleasedAt!.Value)).ToListAsync(ct);
        return new OverviewModel(
            coordinator ? rounds : [],
            await reviews.MineAsync(email, ct),
            [.. rounds.Where(r => network && r.Type == RoundType.Peer && r.IsOpen(now) && !joined.Contains(r.Id))],
            feedback,
            network ? await db.Projects.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct) : [],
            coordinator,
            saved,
            errors);
    }
}

using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Access;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Features.Assign;
using Coordination.PeerReview.Features.Reviewers;
using Coordination.PeerReview.Features.Reviewing;
using Coordination.PeerReview.Features.Statistics;
using Coordination.PeerReview.Features.Submissions;
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

namespace Coordination.PeerReview.Features.Rounds;

/// <summary>The browser side of rounds: the overview (rounds for coordinators; everyone's own
/// reviews, open rounds to volunteer for, and a project manager's released feedback), the round
/// form with its criteria, and the round page where models are added, reviewers named and
/// assigned in one click.</summary>
internal sealed class RoundPages : ICarterModule
{
    public sealed record ReleasedFeedback(Guid SubmissionId, LocalizedText Title, string Round, DateTime ReleasedAt);

    public sealed record OverviewModel(List<Round> Rounds, List<MyAssignment> Mine, List<Round> OpenToVolunteer, List<ReleasedFeedback> Feedback, List<KnownProject> Projects, bool Coordinator, string? Saved, FormErrors Errors);

    public sealed record FormModel(Guid? Id, RoundInput Input, string CriteriaLines, List<KnownEvent> Events, FormErrors Errors);

    public sealed record RoundModel(RoundDetails Details, KnownEvent? Event, RoundStatisticsView Statistics, List<KnownPerson> People, List<KnownProject> Projects, ReviewerInput Reviewer, FormErrors Errors, string? Saved, int? Added);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/peer-review", async (string? saved, PeerReviewDbContext db, ReviewService reviews, ReviewAccess access, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
                new RazorComponentResult<OverviewPage>(new { Model = await OverviewAsync(db, reviews, access, user, clock, saved, FormErrors.None, ct) }))
            .RequireAuthorization(Policies.Reviewing).ExcludeFromDescription();
        app.MapPost("/peer-review/rounds/{id:guid}/volunteer", async Task<IResult> (Guid id, IFormCollection form, PeerReviewDbContext db, ReviewerService reviewers, ReviewService reviews, ReviewAccess access, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var result = await reviewers.VolunteerAsync(id, ReviewAccess.Email(user), new VolunteerInput(form.Ids("conflictProjectIds")), user.UserId(), ct);
                return result switch
                {
                    null => TypedResults.NotFound(),
                    ({ }, _) => TypedResults.Redirect("/peer-review?saved=volunteered"),
                    (_, var errors) => new RazorComponentResult<OverviewPage>(new { Model = await OverviewAsync(db, reviews, access, user, clock, null, errors, ct) }) { StatusCode = 400 },
                };
            })
            .RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();

        var pages = app.MapGroup("/peer-review/rounds").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/new", async (PeerReviewDbContext db, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
            new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(null, new RoundInput(null, "peer", 3, 5), RoundInput.ToLines(RoundInput.DefaultCriteria(l)), await EventsAsync(db, ct), FormErrors.None) }));
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, PeerReviewDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var round = new Round { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
            var input = FromForm(form);
            var errors = await input.ApplyToAsync(round, db, l, ct);
            if (!errors.IsEmpty)
            {
                return new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(null, input, form.Text("criteria") ?? "", await EventsAsync(db, ct), errors) }) { StatusCode = 400 };
            }

            db.Rounds.Add(round);
            db.Audit(user.UserId(), "CreateRound", nameof(Round), round.Id.ToString(), round.Name, now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Redirect($"/peer-review/rounds/{round.Id}?saved=created");
        });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, PeerReviewDbContext db, CancellationToken ct) =>
            await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } round
                ? new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(id, RoundInput.From(round), RoundInput.ToLines(round.Criteria), await EventsAsync(db, ct), FormErrors.None) })
                : TypedResults.NotFound());
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, PeerReviewDbContext db, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
        {
            var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return TypedResults.NotFound();
            }

            var input = FromForm(form);
            var before = RoundInput.ToLines(round.Criteria);
            var errors = await input.ApplyToAsync(round, db, l, ct);
            if (errors.IsEmpty && RoundInput.ToLines(round.Criteria) != before && await db.Reviews.AnyAsync(r => r.RoundId == id && r.Status == ReviewStatus.Submitted, ct))
            {
                errors.Add("criteria", l["CriteriaFrozen"]);
            }

            if (!errors.IsEmpty)
            {
                return new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(id, input, form.Text("criteria") ?? "", await EventsAsync(db, ct), errors) }) { StatusCode = 400 };
            }

            round.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Audit(user.UserId(), "EditRound", nameof(Round), id.ToString(), round.Name, round.UpdatedAt);
            await db.SaveChangesAsync(ct);
            return TypedResults.Redirect($"/peer-review/rounds/{id}?saved=saved");
        });
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

    /// <summary>Events a round table can be held at: not cancelled, newest first.</summary>
    private static Task<List<KnownEvent>> EventsAsync(PeerReviewDbContext db, CancellationToken ct)
        => db.Events.AsNoTracking().Where(e => !e.Cancelled).OrderByDescending(e => e.StartsAt).Take(200).ToListAsync(ct);

    private static RoundInput FromForm(IFormCollection form)
        => new(form.Text("name"), form.Text("type"), form.Number("reviewersPerSubmission"), form.Number("maxReviewsPerReviewer"), form.Text("opensAt"), form.Text("closesAt"),
            null, form.Text("showReviewerNames") == "true", form.Id("eventId"), RoundInput.ParseLines(form.Lines("criteria")));

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

    private static async Task<OverviewModel> OverviewAsync(PeerReviewDbContext db, ReviewService reviews, ReviewAccess access, ClaimsPrincipal user, TimeProvider clock, string? saved, FormErrors errors, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var coordinator = ReviewAccess.IsCoordinator(user);
        // An outside expert (reviewer only) sees their own reviews; volunteering and the network's projects are for its people.
        var network = Roles.Network.Any(user.IsInRole);
        var rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var email = ReviewAccess.Email(user);
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

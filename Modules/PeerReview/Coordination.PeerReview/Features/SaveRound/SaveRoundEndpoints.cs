using System.Security.Claims;
using Carter;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.PeerReview.Rounds;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.SaveRound;

/// <summary>Creating and editing a review round with its criteria: the API and the form, both
/// through <see cref="RoundSaver"/>.</summary>
internal sealed class SaveRoundEndpoints : ICarterModule
{
    public sealed record FormModel(Guid? Id, RoundInput Input, string CriteriaLines, List<KnownEvent> Events, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/peer-review/rounds").WithTags("PeerReview").RequireAuthorization(Policies.Coordinator);
        api.MapPost("", async Task<IResult> (RoundInput input, RoundSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            await saver.SaveAsync(null, input, user.UserId(), ct) switch
            {
                (SaveRoundOutcome.Saved, var id, _) => ApiResults.Created($"/api/v1/peer-review/rounds/{id}", id),
                (_, _, var errors) => ApiResults.Invalid(errors, shared),
            })
            .WithSummary("Creates a review round: { name, type: peer|expert|roundTable, reviewersPerSubmission, maxReviewsPerReviewer, opensAt?, closesAt?, showReviewerNames?, eventId?, criteria?: [{ title, rubric: [5 texts] }] }");
        api.MapPut("/{id:guid}", async Task<IResult> (Guid id, RoundInput input, RoundSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            await saver.SaveAsync(id, input, user.UserId(), ct) switch
            {
                (SaveRoundOutcome.Saved, _, _) => Results.NoContent(),
                (SaveRoundOutcome.NotFound, _, _) => ApiResults.NotFound(),
                (SaveRoundOutcome.CriteriaFrozen, _, var errors) => ApiResults.Conflict(errors.All["criteria"][0]),
                (_, _, var errors) => ApiResults.Invalid(errors, shared),
            })
            .WithSummary("Edits a round (criteria cannot change once a review is submitted: 409)");

        var pages = app.MapGroup("/peer-review/rounds").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/new", async Task<IResult> (PeerReviewDbContext db, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct) =>
            new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(null, new RoundInput(null, "peer", 3, 5), RoundInput.ToLines(RoundInput.DefaultCriteria(l)), await EventsAsync(db, ct), FormErrors.None) }));
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, PeerReviewDbContext db, CancellationToken ct) =>
            await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } round
                ? new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(id, RoundInput.From(round), RoundInput.ToLines(round.Criteria), await EventsAsync(db, ct), FormErrors.None) })
                : TypedResults.NotFound());
        pages.MapPost("/new", (IFormCollection form, RoundSaver saver, PeerReviewDbContext db, ClaimsPrincipal user, CancellationToken ct) => SaveAsync(null, form, saver, db, user, ct));
        pages.MapPost("/{id:guid}/edit", Task<IResult> (Guid id, IFormCollection form, RoundSaver saver, PeerReviewDbContext db, ClaimsPrincipal user, CancellationToken ct) => SaveAsync(id, form, saver, db, user, ct));
    }

    private static async Task<IResult> SaveAsync(Guid? id, IFormCollection form, RoundSaver saver, PeerReviewDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var input = new RoundInput(form.Text("name"), form.Text("type"), form.Number("reviewersPerSubmission"), form.Number("maxReviewsPerReviewer"), form.Text("opensAt"), form.Text("closesAt"),
            null, form.Text("showReviewerNames") == "true", form.Id("eventId"), RoundInput.ParseLines(form.Lines("criteria")));
        return await saver.SaveAsync(id, input, user.UserId(), ct) switch
        {
            (SaveRoundOutcome.Saved, var saved, _) => TypedResults.Redirect($"/peer-review/rounds/{saved}?saved={(id is null ? "created" : "saved")}"),
            (SaveRoundOutcome.NotFound, _, _) => TypedResults.NotFound(),
            (_, _, var errors) => new RazorComponentResult<RoundFormPage>(new { Model = new FormModel(id, input, form.Text("criteria") ?? "", await EventsAsync(db, ct), errors) }) { StatusCode = 400 },
        };
    }

    /// <summary>Events a round table can be held at: not cancelled, newest first.</summary>
    private static Task<List<KnownEvent>> EventsAsync(PeerReviewDbContext db, CancellationToken ct)
        => db.Events.AsNoTracking().Where(e => !e.Cancelled).OrderByDescending(e => e.StartsAt).Take(200).ToListAsync(ct);
}

using Coordination.Surveys.Mailing;
using System.Security.Claims;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Anonymity;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.BrowseSurveys;
using Mapster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.Invitations;

/// <summary>Inviting people or an audience (202: the mails go out from a job), the invitation
/// list with who has answered (in an anonymous survey no one is shown as answered, and neither
/// are the reminders, which go to those who have not), and reminders by hand.</summary>
internal sealed class InvitationEndpoints : ICarterModule
{
    public sealed record Accepted(int Invited, int AlreadyInvited);

    public sealed record RemindResult(int Reminded);

    public sealed record InvitationDto(string Email, string? Name, Guid? ProjectId, string Language, DateTime? SentAt, bool? Responded, int? Reminders, DateOnly? LastRemindedOn);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/surveys/{id:guid}").RequireAuthorization(Policies.Coordinator).WithTags("Surveys");
        api.MapPost("/invitations", async Task<Results<Accepted<Accepted>, ValidationProblem, ProblemHttpResult>> (Guid id, InvitationInput input, Inviter inviter, ClaimsPrincipal user, IConfiguration configuration, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await inviter.InviteAsync(id, input, user.UserId(), ct) switch
                {
                    null => ApiResults.NotFound(),
                    { Errors.IsEmpty: false } invalid => ApiResults.Invalid(invalid.Errors, shared),
                    var result => TypedResults.Accepted($"/api/v1/surveys/{id}/invitations", new Accepted(result.Invited, result.AlreadyInvited)),
                })
            .WithSummary("Invites people ({ recipients: [{ email, name?, projectId?, language? }] }) and/or an audience (network, projectManagers, project + projectId, event + eventId); each gets a personal one-time link by e-mail when the survey is open");
        api.MapGet("/invitations", async Task<Results<Ok<PagedResponse<InvitationDto>>, ProblemHttpResult>> (Guid id, int? page, int? pageSize, SurveysDbContext db, CancellationToken ct) =>
            {
                if (await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } survey)
                {
                    return ApiResults.NotFound();
                }

                var paging = Paging.From(page, pageSize, 100);
                var query = db.Invitations.AsNoTracking().Where(i => i.SurveyId == id);
                var items = (await query.OrderBy(i => i.Email).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct))
                    .Select(i => i.Adapt<InvitationDto>(SurveysMappings.Config))
                    .Select(i => survey.Anonymous ? i with { Responded = null, Reminders = null, LastRemindedOn = null } : i) // an anonymous survey does not tell who answered
                    .ToList();
                return TypedResults.Ok(new PagedResponse<InvitationDto>(items, paging.Page, paging.PageSize, await query.CountAsync(ct)));
            })
            .WithSummary("The invitations: sent, answered and reminders (null in an anonymous survey: who has answered is not shown)");
        api.MapPost("/reminders", async Task<Results<Ok<RemindResult>, ProblemHttpResult>> (Guid id, SurveysDbContext db, SurveyMailer mailer, CancellationToken ct) =>
                await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } survey
                    ? TypedResults.Ok(new RemindResult(await mailer.RemindAsync(survey, onlyDue: false, ct)))
                    : ApiResults.NotFound())
            .WithSummary("Reminds everyone invited who has not answered (not twice the same day)");

        var pages = app.MapGroup("/surveys/{id:guid}").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapPost("/invitations", async Task<IResult> (Guid id, IFormCollection form, Inviter inviter, SurveysDbContext db, GroupRules rules, ClaimsPrincipal user, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
        {
            var recipients = form.Lines("recipients").Select(line => line.Split([';', ','], 2)).Select(p => new RecipientInput(p[0].Trim(), p.Length > 1 ? p[1].Trim() : null, form.Id("recipientProjectId"))).ToList();
            var audience = form.Text("audience");
            var input = new InvitationInput(recipients, audience, form.Id("projectId"), form.Id("eventId"));
            var result = await inviter.InviteAsync(id, input, user.UserId(), ct);
            if (result is null)
            {
                return TypedResults.NotFound();
            }

            if (!result.Errors.IsEmpty)
            {
                var errors = new FormErrors();
                foreach (var (field, messages) in result.Errors.All)
                {
                    foreach (var message in messages)
                    {
                        errors.Add(field.StartsWith("recipients", StringComparison.Ordinal) ? "recipients" : field, message);
                    }
                }

                return (await BrowseSurveysEndpoints.PageAsync(db, rules, id, null, null, errors, clock, PublicUrl.Base(configuration), ct, StatusCodes.Status400BadRequest))!;
            }

            return TypedResults.Redirect($"/surveys/{id}?saved=invited&n={result.Invited}#distribution");
        });
        pages.MapPost("/reminders", async Task<IResult> (Guid id, IFormCollection form, SurveysDbContext db, SurveyMailer mailer, CancellationToken ct) =>
        {
            var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
            return survey is null ? TypedResults.NotFound() : TypedResults.Redirect($"/surveys/{id}?saved=reminded&n={await mailer.RemindAsync(survey, onlyDue: false, ct)}#distribution");
        });
    }
}

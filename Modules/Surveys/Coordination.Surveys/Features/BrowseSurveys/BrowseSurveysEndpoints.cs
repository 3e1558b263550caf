using Carter;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Anonymity;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.SaveSurvey;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Coordination.Surveys.Authoring;

namespace Coordination.Surveys.Features.BrowseSurveys;

/// <summary>The coordinator's list of surveys and a survey's page (questions, invitations,
/// reminders, open link, closing); GET /api/v1/surveys and /api/v1/surveys/{id}.</summary>
internal sealed class BrowseSurveysEndpoints : ICarterModule
{
    public sealed record SurveySummary(Guid Id, Guid NetworkId, LocalizedTextInput Title, int Version, bool Anonymous, DateTime OpensAt, DateTime ClosesAt, string State, int Invited, int Responses, string? Template);

    public sealed record SurveyDetails(
        Guid Id, Guid NetworkId, Guid SeriesId, int Version, LocalizedTextInput Title, LocalizedTextInput Intro, bool Anonymous, DateTime OpensAt, DateTime ClosesAt,
        int? RemindEveryDays, string State, string? OpenLink, string? Template, Guid? EventId, List<QuestionInput> Questions, int Invited, int Responses);

    public sealed record ListModel(List<SurveySummary> Items, int Total, Paging Paging, string? State, Dictionary<Guid, KnownNetwork> Networks);

    /// <summary>An invitation as listed; Responded and Reminders are null in an anonymous survey.</summary>
    public sealed record InvitationRow(string Email, string? Name, string? Project, bool Sent, bool? Responded, int? Reminders);

    public sealed record PageModel(
        Survey Survey, string State, int Invited, int Sent, int Responded, int? ShownResponded, int MinimumGroupSize, int Responses, bool HasResponses, List<InvitationRow> Invitations, Paging Paging,
        List<KnownProject> Projects, List<KnownEvent> HeldEvents, List<Survey> Versions, string? OpenLink, string? Notice, FormErrors Errors, string? NetworkName);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/surveys").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (string? state, int? page, SurveysDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var paging = Paging.From(page, 20);
            var (items, total) = await QueryAsync(db, null, state, clock.GetUtcNow().UtcDateTime, paging, ct);
            var networks = await db.Networks.AsNoTracking().ToDictionaryAsync(n => n.NetworkId, ct);
            return new RazorComponentResult<SurveyListPage>(new { Model = new ListModel(items, total, paging, state, networks) });
        });
        pages.MapGet("/{id:guid}", async Task<IResult> (Guid id, string? saved, int? page, SurveysDbContext db, GroupRules rules, TimeProvider clock, IConfiguration configuration, CancellationToken ct) =>
            await PageAsync(db, rules, id, saved, page, FormErrors.None, clock, PublicUrl.Base(configuration), ct) ?? TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/surveys").RequireAuthorization(Policies.Coordinator).WithTags("Surveys");
        api.MapGet("/", async Task<Ok<PagedResponse<SurveySummary>>> (Guid? networkId, string? state, int? page, int? pageSize, SurveysDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var (items, total) = await QueryAsync(db, networkId, state, clock.GetUtcNow().UtcDateTime, paging, ct);
                return TypedResults.Ok(new PagedResponse<SurveySummary>(items, paging.Page, paging.PageSize, total));
            })
            .WithSummary("Surveys, newest first; state = draft, scheduled, open or closed");
        api.MapGet("/{id:guid}", async Task<Results<Ok<SurveyDetails>, ProblemHttpResult>> (Guid id, SurveysDbContext db, TimeProvider clock, IConfiguration configuration, CancellationToken ct) =>
            {
                var s = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (s is null)
                {
                    return ApiResults.NotFound();
                }

                var invited = await db.Invitations.CountAsync(i => i.SurveyId == id, ct);
                var responses = await db.Responses.CountAsync(r => r.SurveyId == id && r.Status == ResponseStatus.Submitted, ct);
                return TypedResults.Ok(new SurveyDetails(
                    s.Id, s.NetworkId, s.SeriesId, s.Version, LocalizedTextInput.From(s.Title), LocalizedTextInput.From(s.Intro), s.Anonymous, s.OpensAt, s.ClosesAt,
                    s.RemindEveryDays, EnumText.Of(s.StateAt(clock.GetUtcNow().UtcDateTime)), OpenLink(s, PublicUrl.Base(configuration)), s.Template, s.EventId,
                    [.. s.Questions.Select(QuestionInput.From)], invited, responses));
            })
            .WithSummary("A survey with its questions, state and counts");
        api.MapGet("/templates", IResult () => TypedResults.Ok(SurveyTemplates.Names.Select(n => SurveyTemplates.Find(n)!).Select(t => new { name = t.Name, title = t.Title, t.Anonymous, questions = t.Questions })))
            .WithSummary("The templates to start a survey from");
    }

    public static string? OpenLink(Survey s, string baseUrl) => s.OpenLinkSlug is null ? null : $"{baseUrl}/s/open/{s.OpenLinkSlug}";

    public static async Task<IResult?> PageAsync(SurveysDbContext db, GroupRules rules, Guid id, string? notice, int? page, FormErrors errors, TimeProvider clock, string baseUrl, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }

        var paging = Paging.From(page, 50);
        var invitations = db.Invitations.AsNoTracking().Where(i => i.SurveyId == id);
        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == survey.NetworkId).OrderBy(p => p.Name).ToListAsync(ct);
        var names = projects.ToDictionary(p => p.ProjectId, p => p.Label);
        var rows = (await invitations.OrderBy(i => i.Email).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct))
            .Select(i => new InvitationRow(i.Email, i.Name, i.ProjectId is { } p ? names.GetValueOrDefault(p) : null, i.SentAt != null, survey.Anonymous ? null : i.Responded, survey.Anonymous ? null : i.Reminders)).ToList();
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.NetworkId == survey.NetworkId, ct);
        var counts = await invitations.GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Sent = g.Count(i => i.SentAt != null), Responded = g.Count(i => i.Responded) })
            .SingleOrDefaultAsync(ct);
        var model = new PageModel(
            survey,
            EnumText.Of(survey.StateAt(clock.GetUtcNow().UtcDateTime)),
            counts?.Total ?? 0,
            counts?.Sent ?? 0,
            counts?.Responded ?? 0,
            rules.ShownAnswerCount(survey, counts?.Responded ?? 0),
            rules.MinimumGroupSize,
            await db.Responses.CountAsync(r => r.SurveyId == id && r.Status == ResponseStatus.Submitted, ct),
            await db.Responses.AnyAsync(r => r.SurveyId == id, ct),
            rows,
            paging,
            projects,
            await db.HeldEvents.AsNoTracking().Where(e => e.NetworkId == survey.NetworkId).OrderByDescending(e => e.StartsAt).Take(50).ToListAsync(ct),
            await db.Surveys.AsNoTracking().Where(s => s.SeriesId == survey.SeriesId).OrderBy(s => s.Version).ToListAsync(ct),
            OpenLink(survey, baseUrl),
            notice,
            errors,
            network?.NameFi);
        return new RazorComponentResult<SurveyPage>(new { Model = model }) { StatusCode = status };
    }

    private static async Task<(List<SurveySummary> Items, int Total)> QueryAsync(SurveysDbContext db, Guid? networkId, string? state, DateTime now, Paging paging, CancellationToken ct)
    {
        var query = db.Surveys.AsNoTracking();
        if (networkId is { } n)
        {
            query = query.Where(s => s.NetworkId == n);
        }

        query = state switch
        {
            "draft" => query.Where(s => s.PublishedAt == null && s.ClosedAt == null && s.ClosesAt > now),
            "scheduled" => query.Where(s => s.PublishedAt != null && s.ClosedAt == null && s.OpensAt > now),
            "open" => query.Where(s => s.PublishedAt != null && s.ClosedAt == null && s.OpensAt <= now && s.ClosesAt > now),
            "closed" => query.Where(s => s.ClosedAt != null || s.ClosesAt <= now),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.CreatedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Select(s => new
            {
                Survey = s,
                Invited = db.Invitations.Count(i => i.SurveyId == s.Id),
                Responses = db.Responses.Count(r => r.SurveyId == s.Id && r.Status == ResponseStatus.Submitted),
            })
            .ToListAsync(ct);
        return ([.. items.Select(x => new SurveySummary(
            x.Survey.Id, x.Survey.NetworkId, LocalizedTextInput.From(x.Survey.Title), x.Survey.Version, x.Survey.Anonymous, x.Survey.OpensAt, x.Survey.ClosesAt,
            EnumText.Of(x.Survey.StateAt(now)), x.Invited, x.Responses, x.Survey.Template))], total);
    }
}

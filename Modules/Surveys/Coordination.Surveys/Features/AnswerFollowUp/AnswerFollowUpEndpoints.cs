using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.AnswerFollowUp;

/// <summary>A follow-up recipient answers for their organisation: the personal link /f/{token}
/// (a form that works without JavaScript, in the recipient's language) and
/// POST /api/v1/followups/answers.</summary>
internal sealed class AnswerFollowUpEndpoints : ICarterModule
{
    public sealed record FormModel(FollowUpRespondent Respondent, string PostUrl, FollowUpAnswerInput Values, FormErrors Errors, bool Preview, bool Done);

    public sealed record Recorded(string Status);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/f/{token}", async Task<IResult> (string token, HttpRequest request, FollowUpAnswerRecorder recorder, CancellationToken ct) =>
            {
                if (await recorder.FindAsync(token, ct) is not { } respondent)
                {
                    return TypedResults.NotFound();
                }

                if (respondent.Recipient.Language != "fi" && !request.Query.ContainsKey("culture") && !request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
                {
                    return TypedResults.Redirect($"/f/{Uri.EscapeDataString(token)}?culture={respondent.Recipient.Language}");
                }

                return Page(respondent, token, Saved(respondent), FormErrors.None, false);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost("/f/{token}", async Task<IResult> (string token, IFormCollection form, FollowUpAnswerRecorder recorder, CancellationToken ct) =>
            {
                if (await recorder.FindAsync(token, ct) is not { } respondent)
                {
                    return TypedResults.NotFound();
                }

                var input = new FollowUpAnswerInput(
                    token, form.Id("modelId"), form.Text("use"), form.Ids("inUseAt"), form.All("rootedIn"), int.TryParse(form.Text("spreadCount"), out var n) ? n : null,
                    form.Text("spreadNames"), form.Text("changed"), form.Text("helps"), form.Text("hinders"));
                var errors = recorder.Validate(respondent, input);
                if (!string.IsNullOrWhiteSpace(form.Text("spreadCount")) && input.SpreadCount is null)
                {
                    errors.Add("spreadCount", recorder.SpreadCountMessage);
                }

                if (!errors.IsEmpty)
                {
                    return Page(respondent, token, input, errors, false, StatusCodes.Status400BadRequest);
                }

                await recorder.RecordAsync(respondent, input, ct);
                return Page(respondent, token, input, FormErrors.None, true);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .ExcludeFromDescription();
        app.MapGet("/followups/waves/{id:guid}/preview", async Task<IResult> (Guid id, FollowUpAnswerRecorder recorder, CancellationToken ct) =>
                await recorder.PreviewAsync(id, ct) is { } respondent ? Page(respondent, null, Saved(respondent), FormErrors.None, false) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();
        app.MapPost("/api/v1/followups/answers", async Task<IResult> (FollowUpAnswerInput input, FollowUpAnswerRecorder recorder, IStringLocalizer<SurveysStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                if (await recorder.FindAsync(input.Token, ct) is not { } respondent)
                {
                    return ApiResults.NotFound(l["LinkUnknown"]);
                }

                var errors = recorder.Validate(respondent, input);
                if (!errors.IsEmpty)
                {
                    return ApiResults.Invalid(errors, shared);
                }

                await recorder.RecordAsync(respondent, input, ct);
                return TypedResults.Ok(new Recorded("answered"));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicForms)
            .WithTags("Surveys")
            .WithSummary("A follow-up answer through a personal link: { token, modelId, use (inUse|partly|noLonger|dontKnow), inUseAt: [organisation ids], rootedIn: [strategy|curriculum|annualPlan], spreadCount, spreadNames, changed, helps, hinders }. A model this link does not ask about → 400");
    }

    public static FollowUpAnswerInput Saved(FollowUpRespondent r) => r.Answer is { } a
        ? new(null, r.Wave.ModelId, a.Use, a.InUseAt, a.RootedIn, a.SpreadCount, a.SpreadNames, a.Changed, a.Helps, a.Hinders)
        : new(null, r.Wave.ModelId, null, [], [], null, null, null, null, null);

    public static RazorComponentResult<FollowUpAnswerPage> Page(FollowUpRespondent respondent, string? token, FollowUpAnswerInput values, FormErrors errors, bool done, int status = StatusCodes.Status200OK)
        => new(new { Model = new FormModel(respondent, token is null ? "" : $"/f/{Uri.EscapeDataString(token)}", values, errors, token is null, done) }) { StatusCode = status };
}

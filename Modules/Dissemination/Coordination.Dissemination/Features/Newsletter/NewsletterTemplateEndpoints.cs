using System.Security.Claims;
using Carter;
using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Newsletter;

internal sealed record TemplateInput(string? Html, string? Text);

/// <summary>The newsletter's Scriban template (HTML and text), edited by coordinators; a template
/// is saved only after it renders a sample issue.</summary>
internal sealed class NewsletterTemplateEndpoints : ICarterModule
{
    public sealed record TemplateModel(TemplateInput Input, FormErrors Errors, bool Saved);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/newsletter/manage").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/template", async Task<IResult> (NewsletterRenderer renderer, CancellationToken ct) =>
        {
            var template = await renderer.TemplateAsync(ct);
            return new RazorComponentResult<TemplatePage>(new { Model = new TemplateModel(new TemplateInput(template.Html, template.Text), FormErrors.None, false) });
        });
        pages.MapPost("/template", async Task<IResult> (IFormCollection form, DisseminationDbContext db, NewsletterRenderer renderer, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = new TemplateInput(form.Text("html"), form.Text("text"));
            var errors = await SaveTemplateAsync(db, renderer, input, clock, user, ct);
            return new RazorComponentResult<TemplatePage>(new { Model = new TemplateModel(input, errors, errors.IsEmpty) }) { StatusCode = errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };
        });

        var api = app.MapGroup("/api/v1/dissemination/newsletter").RequireAuthorization(Policies.Coordinator).WithTags("Dissemination");
        api.MapGet("/template", async (NewsletterRenderer renderer, CancellationToken ct) => TypedResults.Ok(await renderer.TemplateAsync(ct) is var t ? new TemplateInput(t.Html, t.Text) : null))
            .WithSummary("The newsletter template (Scriban: HTML and text)");
        api.MapPut("/template", async Task<IResult> (TemplateInput input, DisseminationDbContext db, NewsletterRenderer renderer, TimeProvider clock, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await SaveTemplateAsync(db, renderer, input, clock, user, ct) is { IsEmpty: false } errors ? ApiResults.Invalid(errors, shared) : TypedResults.NoContent())
            .WithSummary("Saves the template after rendering it once with a sample issue (endless loops and syntax errors are refused)");
    }

    private static async Task<FormErrors> SaveTemplateAsync(DisseminationDbContext db, NewsletterRenderer renderer, TemplateInput input, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var template = await db.Templates.FirstOrDefaultAsync(ct);
        var candidate = new NewsletterTemplate { Html = input.Html ?? "", Text = input.Text ?? "" };
        var sample = new NewsletterIssue { Id = Guid.NewGuid(), Subject = LocalizedText.Create("Esimerkki", "Exempel", null), Editorial = LocalizedText.Create("Esimerkkiteksti.", "Exempeltext.", null) };
        var (_, error) = await renderer.RenderAsync(sample, "fi", "https://example.fi", candidate, ct);
        var errors = new FormErrors();
        if (error is not null)
        {
            errors.Add(error.Field, error.Message);
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (template is null)
        {
            db.Templates.Add(template = new NewsletterTemplate { Id = Guid.CreateVersion7() });
        }

        template.Html = candidate.Html;
        template.Text = candidate.Text;
        template.UpdatedAt = now;
        db.Audit(user.UserId(), "EditNewsletterTemplate", nameof(NewsletterTemplate), template.Id.ToString(), null, now);
        await db.SaveChangesAsync(ct);
        return errors;
    }
}

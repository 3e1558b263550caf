using System.Globalization;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>Renders an issue with the coordinators' Scriban template in a sandbox: no includes,
/// at most 1,000 loop iterations, limited recursion, strings of at most 200,000 characters and
/// 1,000,000 of output, and two seconds in all — regular expressions included, each of which
/// gets only what is left of the budget. The unsubscribe address is a placeholder filled per
/// recipient when sending.</summary>
internal sealed class NewsletterRenderer(DisseminationDbContext db, TimeProvider clock, IStringLocalizer<DisseminationStrings> l)
{
    public const string UnsubscribePlaceholder = "%%UNSUBSCRIBE_URL%%";

    public const string DefaultHtml = """
        <!DOCTYPE html>
        <html lang="{{ language }}"><head><meta charset="utf-8"><title>{{ subject | html.escape }}</title></head>
        <body style="font-family: sans-serif; max-width: 40rem; margin: auto; color: #1d2630">
        <h1>{{ subject | html.escape }}</h1>
        {{ editorial_html }}
        {{ if models.size > 0 }}<h2>{{ labels.new_models }}</h2><ul>{{ for m in models }}<li><a href="{{ m.url }}">{{ m.title | html.escape }}</a> – {{ m.summary | html.escape }}</li>{{ end }}</ul>{{ end }}
        {{ if posts.size > 0 }}<h2>{{ labels.new_posts }}</h2><ul>{{ for p in posts }}<li><a href="{{ p.url }}">{{ p.title | html.escape }}</a></li>{{ end }}</ul>{{ end }}
        {{ if events.size > 0 }}<h2>{{ labels.upcoming_events }}</h2><ul>{{ for e in events }}<li><a href="{{ e.url }}">{{ e.title | html.escape }}</a> – {{ e.when }}{{ if e.place }}, {{ e.place | html.escape }}{{ end }}</li>{{ end }}</ul>{{ end }}
        {{ if surveys.size > 0 }}<h2>{{ labels.survey_highlights }}</h2>{{ for s in surveys }}<h3>{{ s.title | html.escape }}</h3><p>{{ s.responses_text }}</p><ul>{{ for st in s.statements }}<li>{{ st.text | html.escape }}: {{ st.mean }} / 5</li>{{ end }}</ul>{{ end }}{{ end }}
        <p style="font-size: small"><a href="{{ unsubscribe_url }}">{{ labels.unsubscribe }}</a></p>
        </body></html>
        """;

    public const string DefaultText = """
        {{ subject }}

        {{ editorial_text }}
        {{ if models.size > 0 }}
        {{ labels.new_models }}
        {{ for m in models }}- {{ m.title }}: {{ m.url }}
        {{ end }}{{ end }}{{ if posts.size > 0 }}
        {{ labels.new_posts }}
        {{ for p in posts }}- {{ p.title }}: {{ p.url }}
        {{ end }}{{ end }}{{ if events.size > 0 }}
        {{ labels.upcoming_events }}
        {{ for e in events }}- {{ e.when }} {{ e.title }}{{ if e.place }}, {{ e.place }}{{ end }}: {{ e.url }}
        {{ end }}{{ end }}{{ if surveys.size > 0 }}
        {{ labels.survey_highlights }}
        {{ for s in surveys }}{{ s.title }} ({{ s.responses_text }})
        {{ for st in s.statements }}- {{ st.text }}: {{ st.mean }} / 5
        {{ end }}{{ end }}{{ end }}
        {{ labels.unsubscribe }}: {{ unsubscribe_url }}
        """;

    public sealed record Rendered(string Subject, string Html, string Text);

    /// <summary>What stopped a template, and in which of its two parts ("html" or "text").</summary>
    public sealed record RenderError(string Field, string Message);

    public async Task<NewsletterTemplate> TemplateAsync(CancellationToken ct)
        => await db.Templates.AsNoTracking().FirstOrDefaultAsync(ct) ?? new NewsletterTemplate { Html = DefaultHtml, Text = DefaultText };

    /// <summary>The issue in <paramref name="language"/>, or the template's error.</summary>
    public async Task<(Rendered? Result, RenderError? Error)> RenderAsync(NewsletterIssue issue, string language, string baseUrl, NewsletterTemplate? template, CancellationToken ct)
    {
        template ??= await TemplateAsync(ct);
        var since = await db.Issues.AsNoTracking().Where(i => i.Id != issue.Id && i.StartedAt != null).MaxAsync(i => i.StartedAt, ct) ?? DateTime.UtcNow.AddDays(-30);
        var models = issue.IncludeModels
            ? await db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published && m.PublishedAt > since).OrderByDescending(m => m.PublishedAt).Take(20).ToListAsync(ct)
            : [];
        var posts = issue.IncludePosts
            ? await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && p.PublishedAt > since).OrderByDescending(p => p.PublishedAt).Take(20).ToListAsync(ct)
            : [];
        var now = clock.GetUtcNow().UtcDateTime;
        var events = issue.IncludeEvents
            ? await db.Events.AsNoTracking().Where(e => e.IsPublic && !e.Cancelled && e.StartsAt > now && e.StartsAt < now.AddDays(90)).OrderBy(e => e.StartsAt).Take(10).ToListAsync(ct)
            : [];
        var surveys = issue.IncludeSurveys
            ? await db.SurveyHighlights.AsNoTracking().Where(s => s.ClosedAt > since).OrderByDescending(s => s.ClosedAt).Take(3).ToListAsync(ct)
            : [];

        using var culture = new CultureScope(language);
        var editorial = issue.Editorial.InCurrentCulture().Text;
        var subject = issue.Subject.InCurrentCulture().Text;
        var globals = new ScriptObject
        {
            ["language"] = SupportedCultures.CurrentLanguage,
            ["subject"] = subject,
            ["editorial_html"] = MarkdownRenderer.ToSafeHtml(editorial).Value,
            ["editorial_text"] = MarkdownRenderer.ToPlainText(editorial),
            ["unsubscribe_url"] = UnsubscribePlaceholder,
            ["models"] = models.Select(m => new ScriptObject
            {
                ["title"] = m.Title.InCurrentCulture().Text, ["summary"] = m.Summary.InCurrentCulture().Text, ["url"] = $"{baseUrl}/method-bank/{m.Id}",
            }).ToList(),
            ["posts"] = posts.Select(p => new ScriptObject { ["title"] = p.Title.InCurrentCulture().Text, ["url"] = $"{baseUrl}/blog/{p.Id}" }).ToList(),
            ["events"] = events.Select(e => new ScriptObject
            {
                ["title"] = e.Title.InCurrentCulture().Text, ["when"] = HelsinkiTime.FormatDateTime(e.StartsAt), ["place"] = e.Place ?? (e.Online ? l["NewsletterOnline"].Value : null),
                ["url"] = $"{baseUrl}/events/{e.EventId}",
            }).ToList(),
            ["surveys"] = surveys.Select(s => new ScriptObject
            {
                ["title"] = s.Title.InCurrentCulture().Text,
                ["responses"] = s.Responses,
                ["invited"] = s.Invited,
                ["responses_text"] = l.Plural(s.Invited > 0 ? "NewsletterSurveyResponses" : "NewsletterSurveyResponsesOpen", s.Responses, s.Invited),
                ["statements"] = s.Statements.Select(st => new ScriptObject
                {
                    ["text"] = SupportedCultures.CurrentLanguage == "sv" && !string.IsNullOrWhiteSpace(st.TextSv) ? st.TextSv : st.TextFi,
                    ["mean"] = st.Mean.ToString("0.0", CultureInfo.CurrentCulture), ["n"] = st.N,
                }).ToList(),
            }).ToList(),
            ["labels"] = new ScriptObject
            {
                ["new_models"] = l["NewsletterNewModels"].Value, ["new_posts"] = l["NewsletterNewPosts"].Value,
                ["upcoming_events"] = l["NewsletterUpcomingEvents"].Value, ["survey_highlights"] = l["NewsletterSurveyHighlights"].Value, ["unsubscribe"] = l["NewsletterUnsubscribe"].Value,
            },
        };
        var (html, htmlError) = Run(template.Html, globals);
        var (text, textError) = Run(template.Text, globals);
        var error = htmlError is not null ? new RenderError("html", htmlError) : textError is not null ? new RenderError("text", textError) : null;
        return error is null ? (new Rendered(subject, html!, text!), null) : (null, error);
    }

    private (string? Output, string? Error) Run(string source, ScriptObject globals)
    {
        var template = Template.Parse(source);
        if (template.HasErrors)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, l["TemplateSyntaxError"], string.Join("; ", template.Messages.Select(m => m.ToString()))));
        }

        using var timeout = new CancellationTokenSource(Budget);
        var context = new BudgetedContext(DateTime.UtcNow + Budget)
        {
            LoopLimit = 1000,
            RecursiveLimit = 20,
            ObjectRecursionLimit = 20,
            LimitToString = 200_000,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = 1_000_000,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            TemplateLoader = null,
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(globals);
        try
        {
            return (template.Render(context), null);
        }
        catch (ScriptRuntimeException ex)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, l["TemplateRunError"], ex.OriginalMessage));
        }
        catch (Exception ex) when (ex is System.Text.RegularExpressions.RegexMatchTimeoutException or OperationCanceledException or TimeoutException)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, l["TemplateRunError"], l.Plural("TemplateTooSlow", (long)Budget.TotalSeconds)));
        }
    }

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>A context that keeps to a deadline: every node evaluated checks it, and the
    /// timeout Scriban gives each regular expression (10 s by default) is what is left of it.</summary>
    private sealed class BudgetedContext(DateTime deadline) : TemplateContext
    {
        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException();
            }

            RegexTimeOut = left;
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
    }
}

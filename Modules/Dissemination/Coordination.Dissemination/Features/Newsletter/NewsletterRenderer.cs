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
/// at most 1,000 loop iterations, limited recursion and output, two seconds. The unsubscribe
/// address is a placeholder filled per recipient when sending.</summary>
internal sealed class NewsletterRenderer(DisseminationDbContext db, IStringLocalizer<DisseminationStrings> l)
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
        {{ end }}{{ end }}
        {{ labels.unsubscribe }}: {{ unsubscribe_url }}
        """;

    public sealed record Rendered(string Subject, string Html, string Text);

    public async Task<NewsletterTemplate> TemplateAsync(CancellationToken ct)
        => await db.Templates.AsNoTracking().FirstOrDefaultAsync(ct) ?? new NewsletterTemplate { Html = DefaultHtml, Text = DefaultText };

    /// <summary>The issue in <paramref name="language"/>, or the template's error.</summary>
    public async Task<(Rendered? Result, string? Error)> RenderAsync(NewsletterIssue issue, string language, string baseUrl, NewsletterTemplate? template, CancellationToken ct)
    {
        template ??= await TemplateAsync(ct);
        var since = await db.Issues.AsNoTracking().Where(i => i.Id != issue.Id && i.StartedAt != null).MaxAsync(i => i.StartedAt, ct) ?? DateTime.UtcNow.AddDays(-30);
        var models = issue.IncludeModels
            ? await db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published && m.PublishedAt > since).OrderByDescending(m => m.PublishedAt).Take(20).ToListAsync(ct)
            : [];
        var posts = issue.IncludePosts
            ? await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && p.PublishedAt > since).OrderByDescending(p => p.PublishedAt).Take(20).ToListAsync(ct)
            : [];

        using var culture = new CultureScope(language);
        var editorial = issue.Editorial.InCurrentCulture().Text;
        var subject = issue.Subject.InCurrentCulture().Text;
        var globals = new ScriptObject
        {
            ["language"] = SupportedCultures.CurrentLanguage,
            ["subject"] = subject,
            ["editorial_html"] = MarkdownRenderer.ToSafeHtml(editorial).Value,
            ["editorial_text"] = editorial,
            ["unsubscribe_url"] = UnsubscribePlaceholder,
            ["models"] = models.Select(m => new ScriptObject
            {
                ["title"] = m.Title.InCurrentCulture().Text, ["summary"] = m.Summary.InCurrentCulture().Text, ["url"] = $"{baseUrl}/method-bank/{m.Id}",
            }).ToList(),
            ["posts"] = posts.Select(p => new ScriptObject { ["title"] = p.Title.InCurrentCulture().Text, ["url"] = $"{baseUrl}/blog/{p.Id}" }).ToList(),
            ["labels"] = new ScriptObject
            {
                ["new_models"] = l["NewsletterNewModels"].Value, ["new_posts"] = l["NewsletterNewPosts"].Value, ["unsubscribe"] = l["NewsletterUnsubscribe"].Value,
            },
        };
        var (html, htmlError) = Run(template.Html, globals);
        var (text, textError) = Run(template.Text, globals);
        var error = htmlError ?? textError;
        return error is null ? (new Rendered(subject, html!, text!), null) : (null, error);
    }

    private (string? Output, string? Error) Run(string source, ScriptObject globals)
    {
        var template = Template.Parse(source);
        if (template.HasErrors)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, l["TemplateSyntaxError"], string.Join("; ", template.Messages.Select(m => m.ToString()))));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var context = new TemplateContext
        {
            LoopLimit = 1000,
            RecursiveLimit = 20,
            ObjectRecursionLimit = 20,
            LimitToString = 200_000,
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
    }
}

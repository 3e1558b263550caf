using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Coordination.Shared.Web;

/// <summary>User Markdown to HTML that is safe to show: Markdig renders, HtmlSanitizer removes
/// scripts, event handlers and unsafe URLs.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static MarkupString ToSafeHtml(string? markdown)
        => string.IsNullOrWhiteSpace(markdown)
            ? new MarkupString("")
            : new MarkupString(Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}

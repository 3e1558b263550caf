using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Coordination.Shared.Web;

/// <summary>User Markdown to HTML that is safe to show: Markdig renders, HtmlSanitizer removes
/// scripts, event handlers and unsafe URLs.</summary>
public static partial class MarkdownRenderer
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

    /// <summary>The text without Markdown's marks, for places that show no HTML (calendar
    /// descriptions, plain-text mail parts).</summary>
    public static string ToPlainText(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(InlineLink().Replace(markdown, "$1 ($2)"), Pipeline).Trim();

    /// <summary>[text](address): plain text keeps the address after the text.</summary>
    [GeneratedRegex(@"\[([^\]\n]+)\]\((https?://[^\s)]+|mailto:[^\s)]+)\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineLink();

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

using Coordination.Dissemination.Data;
using Coordination.Shared.Email;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>An issue as one recipient gets it.</summary>
internal static class RecipientMessages
{
    /// <summary>The issue for one recipient: their unsubscribe link (a subscriber's
    /// <paramref name="unsubscribeToken"/>; the network's people, who have none, get the
    /// subscription page), the one-click headers (RFC 8058) and a Message-ID that is the same if
    /// the message is ever sent again.</summary>
    public static EmailMessage For(NewsletterIssue issue, NewsletterDelivery delivery, string? unsubscribeToken, string baseUrl)
    {
        var unsubscribe = unsubscribeToken is not null ? $"{baseUrl}/newsletter/unsubscribe/{unsubscribeToken}" : $"{baseUrl}/newsletter/subscribe";
        var swedish = delivery.Language == "sv";
        var subject = swedish ? issue.Subject.Sv ?? issue.Subject.Fi : issue.Subject.Fi;
        var html = (swedish ? issue.HtmlSv : issue.HtmlFi)!.Replace(NewsletterRenderer.UnsubscribePlaceholder, unsubscribe, StringComparison.Ordinal);
        var text = (swedish ? issue.TextSv : issue.TextFi)!.Replace(NewsletterRenderer.UnsubscribePlaceholder, unsubscribe, StringComparison.Ordinal);
        var host = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost";
        var headers = new Dictionary<string, string>
        {
            ["Message-Id"] = $"<{issue.Id:N}.{delivery.Id:N}@{host}>",
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        if (unsubscribeToken is null)
        {
            headers.Remove("List-Unsubscribe-Post");
        }

        return new EmailMessage(delivery.Email, null, subject, text, html, headers);
    }
}

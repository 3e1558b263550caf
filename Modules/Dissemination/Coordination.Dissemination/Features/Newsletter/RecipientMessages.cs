using Coordination.Dissemination.Data;
using Coordination.Shared.Email;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>An issue as one recipient gets it.</summary>
internal sealed class RecipientMessages(SubscriptionLinks links)
{
    /// <summary>The issue for one recipient: their unsubscribe link, the one-click headers (RFC
    /// 8058) and a Message-ID that is the same if the message is ever sent again.</summary>
    public EmailMessage For(NewsletterIssue issue, NewsletterDelivery delivery, string baseUrl)
    {
        var unsubscribe = delivery.SubscriberId is { } subscriber ? $"{baseUrl}/newsletter/unsubscribe/{links.UnsubscribeToken(subscriber)}" : $"{baseUrl}/newsletter/subscribe";
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
        if (delivery.SubscriberId is null)
        {
            headers.Remove("List-Unsubscribe-Post");
        }

        return new EmailMessage(delivery.Email, null, subject, text, html, headers);
    }
}

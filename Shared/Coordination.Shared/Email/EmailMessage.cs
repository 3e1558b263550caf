namespace Coordination.Shared.Email;

/// <summary>An e-mail to one recipient. <paramref name="Headers"/> carries extra headers such
/// as List-Unsubscribe.</summary>
public sealed record EmailMessage(
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Sends e-mail. Returns when the SMTP server (or the pickup folder) has accepted the
/// message: a caller that records deliveries records them after this returns.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

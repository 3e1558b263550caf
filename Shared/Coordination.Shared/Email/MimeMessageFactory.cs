using MimeKit;

namespace Coordination.Shared.Email;

internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailOptions options, EmailMessage message)
    {
        var mime = new MimeMessage();
        if (options.MessageIdDomain is { Length: > 0 } domain)
        {
            mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(domain);
        }

        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            // Replace, not Add: a new MimeMessage already has a Message-Id of its own, and a second
            // header would be ignored by readers (the first one counts).
            mime.Headers.Replace(name, value);
        }

        return mime;
    }
}

using MailKit.Net.Smtp;
using MimeKit;

namespace Coordination.Shared.Email;

/// <summary>How a failed send is taken: a permanent refusal (5xx, an address that cannot be
/// parsed) is final for that message; anything else (4xx, a refused or broken connection, a
/// timeout) may succeed later.</summary>
public static class SmtpFailure
{
    public static bool IsPermanent(Exception exception)
        => exception is SmtpCommandException { StatusCode: var code } && (int)code >= 500
            || exception is ParseException;

    /// <summary>4xx and 5xx replies that concern one message; the connection stays usable after
    /// them (421 means the server is closing it).</summary>
    public static bool ConcernsOneMessage(Exception exception)
        => exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted, StatusCode: var code } && (int)code != 421
            || exception is ParseException;

    /// <summary>For logs: the reply code or the error's kind, never the server's text (which may
    /// name the address).</summary>
    public static string Code(Exception exception)
        => exception is SmtpCommandException command ? ((int)command.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().Name;

    /// <summary>The server's answer ("550 5.1.1 No such user"), or the error's kind and text.</summary>
    public static string Answer(Exception exception)
        => exception switch
        {
            SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
}

using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email;

/// <summary>Many messages over one connection (newsletters, the mail queue): opened once, sends
/// until disposed. A send returns when the SMTP server (or the pickup folder) has accepted the
/// message: a caller that records deliveries records them after it returns.</summary>
public interface IBulkEmailSession : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Opens bulk sessions to the configured SMTP server (or the pickup folder).</summary>
public interface IBulkEmailSender
{
    Task<IBulkEmailSession> OpenAsync(CancellationToken cancellationToken);
}

internal sealed class SmtpBulkEmailSender(IOptions<EmailOptions> options) : IBulkEmailSender
{
    public async Task<IBulkEmailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // A server that does not answer at all counts as failed after the timeout, like one that refuses.
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(settings.SmtpTimeout);
                await socket.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, connecting.Token);
            }

            await client.ConnectAsync(socket, settings.SmtpHost!, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUsername))
            {
                await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }

        return new Session(client, settings);
    }

    private sealed class Session(SmtpClient client, EmailOptions settings) : IBulkEmailSession
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
            => client.SendAsync(MimeMessageFactory.Create(settings, message), cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }

            client.Dispose();
        }
    }
}

/// <summary>Without an SMTP server every message goes to the pickup folder, one by one.</summary>
internal sealed class PickupBulkEmailSender(PickupFolderEmailSender sender) : IBulkEmailSender
{
    public Task<IBulkEmailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IBulkEmailSession>(new Session(sender));

    private sealed class Session(PickupFolderEmailSender sender) : IBulkEmailSession
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => sender.SendAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

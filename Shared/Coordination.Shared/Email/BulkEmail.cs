using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email;

/// <summary>Many messages over one connection (newsletters, the mail queue): opened once, sends
/// until disposed. A send returns when the SMTP server (or the pickup folder) has accepted the
/// message: a caller that records deliveries records them after it returns. The SMTP session
/// sends on the caller's thread and returns a completed task (one sender at a time, in the
/// background: the newsletter job, the mail worker).</summary>
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
    /// <summary>Connects synchronously, so that the socket stays a blocking one: after any
    /// asynchronous operation .NET makes it non-blocking for good, and every later synchronous
    /// read waits for the sockets' event thread to wake it (a second wake-up per read).</summary>
    public Task<IBulkEmailSession> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // A server that does not answer at all counts as failed after the timeout, like one that
        // refuses: closing the socket ends the blocked connect (or greeting, or login).
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.SmtpTimeout);
        try
        {
            using (limit.Token.Register(static s => ((Socket)s!).Dispose(), socket))
            {
                // The name is looked up first, under the same limit: a lookup that hangs is not
                // ended by closing the socket (Socket.Connect(host, port) would wait it out).
                var addresses = System.Net.Dns.GetHostAddressesAsync(settings.SmtpHost!, limit.Token).GetAwaiter().GetResult();
                socket.Connect(addresses, settings.SmtpPort);
                client.Connect(socket, settings.SmtpHost!, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity, ignoreCase: true), CancellationToken.None);
                if (!string.IsNullOrEmpty(settings.SmtpUsername))
                {
                    client.Authenticate(settings.SmtpUsername, settings.SmtpPassword ?? "", CancellationToken.None);
                }
            }
        }
        catch (Exception ex)
        {
            client.Dispose();
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"The SMTP server did not answer within {settings.SmtpTimeout}.", ex);
            }

            throw;
        }

        return Task.FromResult<IBulkEmailSession>(new Session(client, settings, socket));
    }

    /// <summary>Sends synchronously on the caller's thread, over a blocking socket. Asynchronously,
    /// every read of a message's answers went through the sockets' event thread and the thread
    /// pool, whose idle workers spin (sched_yield) between work items: on two shared cores the
    /// same send cost about 60 % more CPU a message, with dozens of involuntary context switches
    /// (README, "Newsletter send without the thread pool"). A blocked read wakes the sending
    /// thread directly. The server's silence is bounded by the socket's own timeouts (MailKit
    /// sets them from <see cref="EmailOptions.SmtpTimeout"/>) rather than a timer per read or
    /// write; cancellation closes the socket, which ends a blocked read or write.</summary>
    private sealed class Session(SmtpClient client, EmailOptions settings, Socket socket) : IBulkEmailSession
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mime = MimeMessageFactory.Create(settings, message);
            using (cancellationToken.Register(static s => ((Socket)s!).Dispose(), socket))
            {
                try
                {
                    // Without a token: with one, MailKit polls the socket every 250 ms before each
                    // read and never applies the socket's timeout.
                    client.Send(mime, CancellationToken.None);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    throw new OperationCanceledException("The send was cancelled; the connection is closed.", ex, cancellationToken);
                }
            }

            return Task.CompletedTask;
        }

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

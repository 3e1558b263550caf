using Coordination.Shared.Messaging;
using Coordination.Shared.Modules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email.Queue;

/// <summary>Wakes the mail worker when a commit wrote mail, so sending does not wait for the
/// next poll. Polling stays the guarantee.</summary>
public sealed class MailSignal : WorkSignal;

/// <summary>The worker's kept SMTP connection (the bulk sender's session): opened for the first
/// mail, kept for the next ones, closed when broken or idle.</summary>
public sealed class MailConnection(IBulkEmailSender sender, TimeProvider clock) : IAsyncDisposable
{
    private IBulkEmailSession? _session;
    private DateTime _lastUse;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _session ??= await sender.OpenAsync(cancellationToken);
        _lastUse = clock.GetUtcNow().UtcDateTime;
        await _session.SendAsync(message, cancellationToken);
    }

    public async Task CloseIfIdleAsync(TimeSpan idle)
    {
        if (_session is not null && clock.GetUtcNow().UtcDateTime - _lastUse > idle)
        {
            await CloseAsync();
        }
    }

    public async Task CloseAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            try
            {
                await session.DisposeAsync();
            }
            catch (Exception)
            {
                // A connection that broke cannot say goodbye; it is dropped all the same.
            }
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}

/// <summary>Sends the mail queues of every database in the background: on a signal after a
/// commit, and by polling, which also takes over what a crashed instance left behind.</summary>
public sealed class MailQueueWorker(
    MailQueueProcessor processor,
    ModuleCatalog catalog,
    MailSignal signal,
    IBulkEmailSender sender,
    TimeProvider clock,
    IOptions<MailQueueOptions> options,
    ILogger<MailQueueWorker> logger) : BackgroundService
{
    /// <summary>An idle connection is closed before a server would drop it.</summary>
    private static readonly TimeSpan KeepIdle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Mail sending is disabled in this instance");
            return;
        }

        await using var connection = new MailConnection(sender, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            foreach (var database in catalog.MailDatabases)
            {
                try
                {
                    busy |= await processor.ProcessDueAsync(database, connection, stoppingToken) > 0;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "The mail queue of {Module} could not be processed", database.Module);
                    await connection.CloseAsync();
                }
            }

            if (!busy)
            {
                await connection.CloseIfIdleAsync(KeepIdle);
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

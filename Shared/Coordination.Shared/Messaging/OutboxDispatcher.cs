using Coordination.Shared.Modules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Messaging;

/// <summary>Delivers every module's outbox in the background: on a signal after a commit, and
/// by polling, which also picks up what a crashed instance left behind.</summary>
public sealed class OutboxDispatcher(
    OutboxProcessor processor,
    ModuleCatalog catalog,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Outbox delivery is disabled in this instance");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            foreach (var database in catalog.Databases)
            {
                try
                {
                    busy |= await processor.ProcessDueAsync(database, stoppingToken) > 0;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Outbox of {Module} could not be processed", database.Module);
                }
            }

            if (!busy)
            {
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

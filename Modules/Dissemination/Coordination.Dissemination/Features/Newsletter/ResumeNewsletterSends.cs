using Coordination.Dissemination.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>At start-up, an instance that runs jobs looks for issues that are due or still
/// sending (a process that died part-way leaves them so) and sends them as soon as the dead
/// process's claims have run out, instead of waiting for the next tick of the every-minute job.
/// A live instance's run keeps renewing its claim, so resuming then finds it held and leaves it.</summary>
internal sealed class ResumeNewsletterSends(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ResumeNewsletterSends> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Coordination:Jobs:Enabled", true))
        {
            return;
        }

        try
        {
            DateTime? freeAt;
            await using (var scope = scopes.CreateAsyncScope())
            {
                freeAt = await WhenFreeAsync(scope.ServiceProvider.GetRequiredService<DisseminationDbContext>(), stoppingToken);
            }

            if (freeAt is not { } at)
            {
                return;
            }

            var wait = at - clock.GetUtcNow().UtcDateTime;
            logger.LogInformation("Resuming newsletter sends left unfinished, in {Seconds:0.0} s (when their claims run out)", Math.Max(0, wait.TotalSeconds));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            await using var run = scopes.CreateAsyncScope();
            await run.ServiceProvider.GetRequiredService<IssueSender>().RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The every-minute job is still there to send it.
            logger.LogError(ex, "Resuming newsletter sends failed");
        }
    }

    /// <summary>Null when nothing is left to send; otherwise when the last claim on it ends
    /// (now, when none is held), plus a moment.</summary>
    private async Task<DateTime?> WhenFreeAsync(DisseminationDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var issues = await db.Issues.AsNoTracking()
            .Where(i => i.Status == IssueStatus.Sending || (i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now))
            .Select(i => new { i.Id, i.ClaimedUntil })
            .ToListAsync(ct);
        if (issues.Count == 0)
        {
            return null;
        }

        var ids = issues.Select(i => i.Id).ToList();
        var deliveries = await db.Deliveries.Where(d => ids.Contains(d.IssueId) && d.Status == DeliveryStatus.Sending).MaxAsync(d => d.ClaimedUntil, ct);
        var last = new[] { issues.Max(i => i.ClaimedUntil), deliveries, now }.Max()!.Value;
        return last + TimeSpan.FromMilliseconds(500);
    }
}

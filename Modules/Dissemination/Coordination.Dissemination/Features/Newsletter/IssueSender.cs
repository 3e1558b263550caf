using System.Threading.RateLimiting;
using Coordination.Dissemination.Data;
using Coordination.Shared.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Jobs;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>Sends issues. Starting freezes the issue per language and writes a delivery row for
/// every confirmed subscriber (and the network's people when chosen), once per address. A run
/// then takes the issue with a claim (one run per issue at a time; a run of another instance or
/// a second "send now" finds it held and leaves it), and sends batches of delivery rows, each
/// batch claimed with the shared claim (<see cref="Claims"/>), over one SMTP connection at the
/// configured rate (Coordination:Newsletter:MessagesPerSecond, default 20), marking each row
/// sent under its claim id. Claims last Coordination:Newsletter:ClaimTimeout (default five
/// minutes; the issue's is renewed after every batch, so it must only be longer than one batch
/// takes): a crashed run's claims are taken again after that, by the next run or by
/// <see cref="ResumeNewsletterSends"/> at start-up. Every recipient still gets the issue.
/// <para>Repeats: each "sent" mark is its own commit after the server accepted the message and
/// before the next message is sent, process-durable rather than flushed
/// (<see cref="ProcessDurableCommits"/>), so a killed process repeats at most the one message
/// accepted just before it died (same Message-ID); only a power cut or an OS crash can lose the
/// marks since the last flush. Marks are not batched: a kill would repeat a whole batch. The
/// delivery rows and the marks are written with plain commands (<see cref="DeliveryLog"/>).</para></summary>
internal sealed class IssueSender(
    DisseminationDbContext db,
    NewsletterRenderer renderer,
    IBulkEmailSender bulk,
    TimeProvider clock,
    IConfiguration configuration,
    NewsletterMetrics metrics,
    ILogger<IssueSender> logger)
{
    // A claim (three statements through EF) and the batch's token query cost a fixed part each:
    // 1,000 rows a claim took 0.19 s of a 10,000-message send's claims where 200 took 0.34-0.67 s
    // (stopwatch splits in the newsletter benchmark, 2026-12-03). What a kill repeats does not
    // depend on it (marks are per message); a long batch renews its lease (see SendPendingAsync).
    public const int BatchSize = 1000;

    public TimeSpan ClaimTimeout { get; } = configuration.GetValue("Coordination:Newsletter:ClaimTimeout", TimeSpan.FromMinutes(5));

    /// <summary>Starts issues scheduled for now or earlier; then sends every issue that is
    /// sending and not held by another run.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in await db.Issues.Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now).Select(i => i.Id).ToListAsync(ct))
        {
            await StartAsync(id, ct);
        }

        // Each issue once per run: one whose rows a dead process still holds waits for the next.
        var done = new List<Guid>();
        while (!ct.IsCancellationRequested)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var run = await db.ClaimAsync<NewsletterIssue>(i => i.Status == IssueStatus.Sending && !done.Contains(i.Id), 1, ClaimTimeout, now, ct);
            if (run.Rows is not [var issue])
            {
                break;
            }

            done.Add(issue.Id);
            logger.LogInformation("Sending newsletter issue {IssueId}, run {Run} of it", issue.Id, issue.Attempts);
            try
            {
                await SendPendingAsync(issue, run.ClaimId, ct);
            }
            finally
            {
                await db.Issues.Held(issue.Id, run.ClaimId).ExecuteUpdateAsync(u => u.Release(), CancellationToken.None);
            }
        }
    }

    private async Task StartAsync(Guid id, CancellationToken ct)
    {
        var issue = await db.Issues.SingleAsync(i => i.Id == id, ct);
        var baseUrl = PublicUrl.Base(configuration);
        var template = await renderer.TemplateAsync(ct);
        var (fi, fiError) = await renderer.RenderAsync(issue, "fi", baseUrl, template, ct);
        var (sv, svError) = await renderer.RenderAsync(issue, "sv", baseUrl, template, ct);
        if (fi is null || sv is null)
        {
            logger.LogWarning("Newsletter issue {IssueId} could not be rendered: {Error}", id, (fiError ?? svError)?.Message);
            issue.Status = IssueStatus.Draft;
            await db.SaveChangesAsync(ct);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = (await db.Subscribers.AsNoTracking().Where(s => s.Status == SubscriberStatus.Confirmed).Select(s => new { s.Id, s.Email, s.Language }).ToListAsync(ct))
            .Select(s => (Id: (Guid?)s.Id, s.Email, s.Language)).ToList();
        if (issue.IncludeNetworkMembers)
        {
            var unsubscribed = (await db.Subscribers.Where(s => s.Status == SubscriberStatus.Unsubscribed).Select(s => s.Email).ToListAsync(ct)).ToHashSet();
            recipients.AddRange((await db.People.AsNoTracking().Select(p => p.Email).ToListAsync(ct)).Where(e => !unsubscribed.Contains(e)).Select(e => ((Guid?)null, e, "fi")));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Issues.Where(i => i.Id == id && i.Status == IssueStatus.Scheduled)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Sending).SetProperty(i => i.StartedAt, now), ct) == 0)
        {
            return; // another instance started it
        }

        await DeliveryLog.InsertAsync(db, recipients.DistinctBy(r => r.Email).Select(r => new NewsletterDelivery
        {
            Id = Guid.CreateVersion7(), IssueId = id, SubscriberId = r.Id, Email = r.Email, Language = r.Language is "sv" ? "sv" : "fi", Status = DeliveryStatus.Pending,
        }), ct);
        await db.Issues.Where(i => i.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.HtmlFi, fi.Html).SetProperty(i => i.TextFi, fi.Text)
            .SetProperty(i => i.HtmlSv, sv.Html).SetProperty(i => i.TextSv, sv.Text), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Sends what is left of <paramref name="issue"/> while <paramref name="run"/> holds it.</summary>
    private async Task SendPendingAsync(NewsletterIssue issue, Guid run, CancellationToken ct)
    {
        var id = issue.Id;
        var baseUrl = PublicUrl.Base(configuration);
        var rate = Math.Max(1, configuration.GetValue("Coordination:Newsletter:MessagesPerSecond", 20));
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate, TokensPerPeriod = rate, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 1, AutoReplenishment = true,
        });
        IBulkEmailSession? session = null;
        await using var durability = await db.Database.ProcessDurableCommitsAsync(ct);
        await using var log = DeliveryLog.PrepareMarks(db);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (!await KeepRunAsync(now))
                {
                    return;
                }

                var batch = await db.ClaimAsync<NewsletterDelivery>(
                    d => d.IssueId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending), BatchSize, ClaimTimeout, now, ct,
                    u => u.SetProperty(d => d.Status, DeliveryStatus.Sending));
                if (batch.Rows.Count == 0)
                {
                    break;
                }

                // The batch's unsubscribe tokens in one query (a subscriber erased since the send
                // began has none: that row gets the subscription page's address).
                var subscribers = batch.Rows.Where(d => d.SubscriberId is not null).Select(d => d.SubscriberId!.Value).ToList();
                var tokens = await db.Subscribers.AsNoTracking().Where(s => subscribers.Contains(s.Id)).Select(s => new { s.Id, s.UnsubscribeToken }).ToDictionaryAsync(s => s.Id, s => s.UnsubscribeToken, ct);
                session ??= await bulk.OpenAsync(ct);
                var renewedAt = now;
                HashSet<Guid>? stillMine = null;
                foreach (var delivery in batch.Rows)
                {
                    using var lease = await limiter.AcquireAsync(1, ct);
                    var at = clock.GetUtcNow().UtcDateTime;
                    if (at - renewedAt > ClaimTimeout / 3)
                    {
                        // A batch that outlasts a third of its lease (a slow server, a busy machine)
                        // extends it with the issue's run, so another run never takes rows this one
                        // is still sending; a row already taken over is left to that run.
                        renewedAt = at;
                        if (!await KeepRunAsync(at))
                        {
                            return;
                        }

                        var sending = db.Deliveries.Where(d => d.IssueId == id && d.Status == DeliveryStatus.Sending);
                        await sending.RenewAsync(batch.ClaimId, at + ClaimTimeout, ct);
                        stillMine = [.. await sending.HeldBy(batch.ClaimId).Select(d => d.Id).ToListAsync(ct)];
                    }

                    if (stillMine is not null && !stillMine.Contains(delivery.Id))
                    {
                        continue;
                    }

                    try
                    {
                        await session.SendAsync(RecipientMessages.For(issue, delivery, delivery.SubscriberId is { } s ? tokens.GetValueOrDefault(s) : null, baseUrl), ct);
                        await MarkAsync(log, delivery, batch.ClaimId, DeliveryStatus.Sent, null);
                        metrics.Sent();
                    }
                    catch (Exception ex) when (SmtpFailure.IsPermanent(ex))
                    {
                        await MarkAsync(log, delivery, batch.ClaimId, DeliveryStatus.Failed, SmtpFailure.Answer(ex));
                    }
                    catch (Exception) when (!ct.IsCancellationRequested)
                    {
                        // The server or the connection failed: what this batch has not sent goes
                        // back in line at once (not after the lease), and the run ends.
                        await db.Deliveries.Where(d => d.IssueId == id && d.Status == DeliveryStatus.Sending).HeldBy(batch.ClaimId)
                            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Pending).Release(), CancellationToken.None);
                        throw;
                    }
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        // Extends this run's hold on the issue; false once another run has taken it over.
        async Task<bool> KeepRunAsync(DateTime at)
        {
            if (await db.Issues.Where(i => i.Id == id).RenewAsync(run, at + ClaimTimeout, ct) > 0)
            {
                return true;
            }

            logger.LogWarning("Newsletter issue {IssueId}: another run took it over (this run was slower than the claim timeout)", id);
            return false;
        }

        var left = await db.Deliveries.CountAsync(d => d.IssueId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending), ct);
        if (left == 0)
        {
            // Marked sent and announced (NewsletterIssueSent) in one commit, by whoever marks it first.
            var finished = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Issues.Where(i => i.Id == id && i.Status == IssueStatus.Sending).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Sent).SetProperty(i => i.FinishedAt, finished), ct) == 1)
            {
                db.Publish(await Integration.DisseminationMessages.IssueSentAsync(db, issue, finished, ct), finished);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Marks one delivery under its claim (after the send, so not cancellable). A claim
    /// that another run has taken over changes nothing: that run marks the row.</summary>
    private async Task MarkAsync(DeliveryLog log, NewsletterDelivery delivery, Guid claim, DeliveryStatus status, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await log.MarkAsync(delivery.Id, claim, status, status == DeliveryStatus.Sent ? now : null, error is { Length: > 500 } ? error[..500] : error))
        {
            logger.LogWarning("Newsletter delivery {DeliveryId} was claimed by another run before it was marked", delivery.Id);
        }
    }
}

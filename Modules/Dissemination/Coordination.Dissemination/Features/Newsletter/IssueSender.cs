using System.Threading.RateLimiting;
using Coordination.Dissemination.Data;
using Coordination.Shared.Email;
using Coordination.Shared.Jobs;
using Coordination.Shared.Web;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>Sends issues. Starting freezes the issue per language and writes a delivery row for
/// every confirmed subscriber (and the network's people when chosen), once per address. Then
/// batches of rows are claimed with one conditional update, sent over one SMTP connection at
/// the configured rate (Coordination:Newsletter:MessagesPerSecond, default 20) and marked sent one
/// by one. A claim left by a crash is taken again after Coordination:Newsletter:ClaimTimeout
/// (default five minutes; it must be longer than a batch takes to send), so after a restart every
/// recipient still gets the issue (the only repeat possible is a message the server accepted
/// just before the crash, and it carries the same Message-ID).</summary>
internal sealed class IssueSender(
    DisseminationDbContext db,
    NewsletterRenderer renderer,
    SubscriptionLinks links,
    IBulkEmailSender bulk,
    TimeProvider clock,
    IConfiguration configuration,
    NewsletterMetrics metrics,
    ILogger<IssueSender> logger)
{
    private readonly TimeSpan _claimTimeout = configuration.GetValue("Coordination:Newsletter:ClaimTimeout", TimeSpan.FromMinutes(5));
    public const int BatchSize = 50;

    /// <summary>Starts issues scheduled for now or earlier; then sends what is pending.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in await db.Issues.Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now).Select(i => i.Id).ToListAsync(ct))
        {
            await StartAsync(id, ct);
        }

        foreach (var id in await db.Issues.Where(i => i.Status == IssueStatus.Sending).Select(i => i.Id).ToListAsync(ct))
        {
            await SendPendingAsync(id, ct);
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
            logger.LogWarning("Newsletter issue {IssueId} could not be rendered: {Error}", id, fiError ?? svError);
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

        var rows = recipients.DistinctBy(r => r.Email).Select(r => new NewsletterDelivery
        {
            Id = Guid.CreateVersion7(), IssueId = id, SubscriberId = r.Id, Email = r.Email, Language = r.Language is "sv" ? "sv" : "fi", Status = DeliveryStatus.Pending,
        }).ToList();
        db.Deliveries.AddRange(rows);
        await db.Issues.Where(i => i.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.HtmlFi, fi.Html).SetProperty(i => i.TextFi, fi.Text)
            .SetProperty(i => i.HtmlSv, sv.Html).SetProperty(i => i.TextSv, sv.Text), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task SendPendingAsync(Guid id, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == id, ct);
        var baseUrl = PublicUrl.Base(configuration);
        var rate = Math.Max(1, configuration.GetValue("Coordination:Newsletter:MessagesPerSecond", 20));
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate, TokensPerPeriod = rate, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 1, AutoReplenishment = true,
        });
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var stale = now - _claimTimeout;
            await db.Deliveries.Where(d => d.IssueId == id && d.Status == DeliveryStatus.Sending && d.ClaimedAt < stale)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Pending), ct);
            var claim = Guid.NewGuid();
            var claimed = await db.Deliveries.Where(d => d.IssueId == id && d.Status == DeliveryStatus.Pending).OrderBy(d => d.Id).Take(BatchSize)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimId, claim).SetProperty(d => d.ClaimedAt, now).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (claimed == 0)
            {
                break;
            }

            var batch = await db.Deliveries.AsNoTracking().Where(d => d.ClaimId == claim && d.Status == DeliveryStatus.Sending).ToListAsync(ct);
            await using var session = await bulk.OpenAsync(ct);
            foreach (var delivery in batch)
            {
                using var lease = await limiter.AcquireAsync(1, ct);
                try
                {
                    await session.SendAsync(Message(issue, delivery, baseUrl), ct);
                    await Mark(delivery.Id, DeliveryStatus.Sent, null);
                    metrics.Sent();
                }
                catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
                {
                    await Mark(delivery.Id, DeliveryStatus.Failed, ex.Message);
                }
            }
        }

        var left = await db.Deliveries.CountAsync(d => d.IssueId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending), ct);
        if (left == 0)
        {
            var finished = clock.GetUtcNow().UtcDateTime;
            await db.Issues.Where(i => i.Id == id && i.Status == IssueStatus.Sending).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IssueStatus.Sent).SetProperty(i => i.FinishedAt, finished), ct);
        }
    }

    /// <summary>Marks one delivery (after the send, so not cancellable).</summary>
    private async Task Mark(Guid deliveryId, DeliveryStatus status, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Deliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, status).SetProperty(d => d.SentAt, status == DeliveryStatus.Sent ? now : null)
                .SetProperty(d => d.Error, error == null ? null : error.Length > 500 ? error[..500] : error), CancellationToken.None);
    }

    /// <summary>The issue for one recipient: their unsubscribe link, the one-click headers (RFC
    /// 8058) and a Message-ID that is the same if the message is ever sent again.</summary>
    public EmailMessage Message(NewsletterIssue issue, NewsletterDelivery delivery, string baseUrl)
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

/// <summary>Every minute: starts the issues whose time has come and sends what is pending.</summary>
internal sealed class SendNewslettersJob(IssueSender sender) : IRecurringJob
{
    public const string Id = "newsletter-send";

    public Task RunAsync(CancellationToken cancellationToken) => sender.RunAsync(cancellationToken);
}

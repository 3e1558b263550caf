using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email.Queue;

/// <summary>
/// Sends one database's due mail: claims a batch with the shared claim (<see cref="Claims"/>),
/// sends each over the worker's kept SMTP connection and marks it under the claim: sent; failed
/// for good with the server's answer on a permanent refusal (5xx); or back in line with
/// exponential backoff on a transient one (4xx, a refused or broken connection, a timeout), parked
/// as failed after <see cref="MailQueueOptions.MaxAttempts"/>. When the connection itself fails,
/// the rest of the batch goes back in line untried. A batch left by a crash is claimed again when
/// its lease runs out: the only repeat possible is the one message in flight, with the same
/// Message-ID.
/// </summary>
public sealed class MailQueueProcessor(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<MailQueueOptions> options,
    IOptions<EmailOptions> email,
    ILogger<MailQueueProcessor> logger)
{
    private readonly MailQueueOptions _options = options.Value;
    private readonly string _domain = email.Value.MessageIdDomain is { Length: > 0 } site ? site : email.Value.FromAddress.Split('@') is [_, var domain] ? domain : "localhost";

    /// <summary>Claims and sends up to a batch of due mail; returns how many it claimed.</summary>
    public async Task<int> ProcessDueAsync(ModuleDatabase database, MailConnection connection, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = await db.ClaimAsync<QueuedMail>(m => m.Status == MailStatus.Waiting && m.NextAttemptAt <= now, _options.BatchSize, _options.ClaimLease, now, cancellationToken);
        for (var i = 0; i < claim.Rows.Count; i++)
        {
            var mail = claim.Rows[i];
            try
            {
                await connection.SendAsync(mail.ToMessage(_domain), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what was not tried goes back in line now; the one in flight waits for
                // its lease, as after a crash (the server may have taken it).
                await GiveBackAsync(db, claim.Rows.Skip(i + 1), claim.ClaimId, TimeSpan.Zero);
                throw;
            }
            catch (Exception ex)
            {
                if (SmtpFailure.IsPermanent(ex))
                {
                    await FailAsync(db, mail, claim.ClaimId, SmtpFailure.Answer(ex));
                    continue;
                }

                await RetryLaterAsync(db, mail, claim.ClaimId, SmtpFailure.Answer(ex));
                if (!SmtpFailure.ConcernsOneMessage(ex))
                {
                    logger.LogWarning("The mail server failed ({Module}: {Failure}); {Count} messages wait for the next try", database.Module, SmtpFailure.Code(ex), claim.Rows.Count - i);
                    await connection.CloseAsync();
                    await GiveBackAsync(db, claim.Rows.Skip(i + 1), claim.ClaimId, RetryDelay(mail.Attempts));
                    return claim.Rows.Count;
                }

                continue;
            }

            var sentAt = clock.GetUtcNow().UtcDateTime;
            if (await db.Set<QueuedMail>().Held(mail.Id, claim.ClaimId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Sent).SetProperty(m => m.SentAt, sentAt).Release(), CancellationToken.None) == 0)
            {
                logger.LogWarning("Mail {MailId} ({Module}) was claimed by another instance before it was marked sent", mail.Id, database.Module);
            }
        }

        return claim.Rows.Count;
    }

    private async Task FailAsync(DbContext db, QueuedMail mail, Guid claim, string answer)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The answer may name the address: it goes to the row, not to the log.
        logger.LogWarning("Mail {MailId} was refused for good or ran out of tries", mail.Id);
        await db.Set<QueuedMail>().Held(mail.Id, claim).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, MailStatus.Failed).SetProperty(m => m.FailedAt, now).SetProperty(m => m.LastError, Clip(answer)).Release(),
            CancellationToken.None);
    }

    private async Task RetryLaterAsync(DbContext db, QueuedMail mail, Guid claim, string answer)
    {
        if (mail.Attempts >= _options.MaxAttempts)
        {
            await FailAsync(db, mail, claim, answer);
            return;
        }

        var next = clock.GetUtcNow().UtcDateTime + RetryDelay(mail.Attempts);
        await db.Set<QueuedMail>().Held(mail.Id, claim).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, Clip(answer)).Release(),
            CancellationToken.None);
    }

    /// <summary>Releases claimed mail that was not tried, without counting the claim as a try.</summary>
    private async Task GiveBackAsync(DbContext db, IEnumerable<QueuedMail> untried, Guid claim, TimeSpan delay)
    {
        var ids = untried.Select(m => m.Id).ToList();
        var next = clock.GetUtcNow().UtcDateTime + delay;
        await db.Set<QueuedMail>().HeldBy(claim).Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.Attempts, m => m.Attempts - 1).Release(),
            CancellationToken.None);
    }

    private TimeSpan RetryDelay(int attempts)
        => TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)), _options.RetryMaxDelay.Ticks));

    private static string Clip(string text) => text.Length > 2000 ? text[..2000] : text;
}

using Coordination.Shared.Email.Queue;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coordination.Shared.Messaging;

/// <summary>Wakes a background worker when a commit gave it work, so it does not wait for the
/// next poll. Polling stays the guarantee; this only shortens the delay.</summary>
public abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every row.
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _semaphore.Dispose();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}

/// <summary>Wakes the dispatcher when an outbox row was committed.</summary>
public sealed class OutboxSignal : WorkSignal;

/// <summary>Notifies <see cref="OutboxSignal"/> and <see cref="MailSignal"/> after a SaveChanges
/// of a context that tracks outbox rows or queued mail. Stateless, so one instance serves every
/// context.</summary>
public sealed class CommitSignalInterceptor(OutboxSignal outbox, MailSignal mail) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any() == true)
        {
            outbox.Notify();
        }

        if (eventData.Context?.ChangeTracker.Entries<QueuedMail>().Any() == true)
        {
            mail.Notify();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}

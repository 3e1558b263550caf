using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Dissemination.Contracts;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Newsletter;

internal sealed record SubscribeInput(string? Email, string? Language);

/// <summary>Subscribing with double opt-in: a new or returning address gets a confirmation link
/// (queued with the subscriber row, so it goes out whatever the mail server does; asking again
/// sends it again) and becomes a subscriber only when it is used; an address already subscribed
/// gets no mail and the answer is the same, so the form does not tell who subscribes.
/// Unsubscribing is one step.</summary>
internal sealed class Subscriptions(DisseminationDbContext db, SubscriptionLinks links, TimeProvider clock, IStringLocalizer<DisseminationStrings> l)
{
    public async Task<FormErrors> SubscribeAsync(SubscribeInput input, string baseUrl, CancellationToken ct)
    {
        var errors = new FormErrors();
        var address = input.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || address.Length > 254 || !new EmailAddressAttribute().IsValid(address))
        {
            errors.Add("email", l["SubscribeEmailInvalid"]);
        }

        if (input.Language is not ("fi" or "sv"))
        {
            errors.Add("language", l["SubscribeLanguageInvalid"]);
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == address, ct);
        if (subscriber?.Status == SubscriberStatus.Confirmed)
        {
            return errors;
        }

        if (subscriber is null)
        {
            db.Subscribers.Add(subscriber = new Subscriber { Id = Guid.CreateVersion7(), Email = address!, CreatedAt = now });
        }

        subscriber.Status = SubscriberStatus.Pending;
        subscriber.Language = input.Language!;
        using (new CultureScope(subscriber.Language))
        {
            var link = $"{baseUrl}/newsletter/confirm/{links.ConfirmToken(subscriber.Id)}";
            db.QueueMail(new EmailMessage(subscriber.Email, null, l["ConfirmMailSubject"], string.Format(CultureInfo.CurrentCulture, l["ConfirmMailBody"], link)),
                $"newsletter:confirm:{subscriber.Id:N}:{Guid.NewGuid():N}", now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (subscriber.CreatedAt == now)
        {
            return errors; // the same address subscribed at the same moment: its mail is on the way
        }

        return errors;
    }

    public async Task<bool> ConfirmAsync(string token, CancellationToken ct)
    {
        if (links.ReadConfirm(token) is not { } id)
        {
            return false;
        }

        // Confirmed and announced (without the address) in one commit, once.
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Status != SubscriberStatus.Unsubscribed, ct);
        if (subscriber is null)
        {
            return false;
        }

        if (await db.Subscribers.Where(s => s.Id == id && s.Status == SubscriberStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriberStatus.Confirmed).SetProperty(s => s.ConfirmedAt, s => s.ConfirmedAt ?? now), ct) == 1)
        {
            db.Publish(new NewsletterSubscriptionConfirmed(id, subscriber.Language, subscriber.ConfirmedAt ?? now), now);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<bool> UnsubscribeAsync(string token, CancellationToken ct)
    {
        // The subscriber's stored token, else the protected id of a link sent before tokens were stored.
        var stored = token.Length == Subscriber.UnsubscribeTokenLength ? await db.Subscribers.Where(s => s.UnsubscribeToken == token).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct) : null;
        if ((stored ?? links.ReadUnsubscribe(token)) is not { } id)
        {
            return false;
        }

        // A confirmed subscription that ends is announced in the same commit, once.
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return false;
        }

        if (await db.Subscribers.Where(s => s.Id == id && s.Status != SubscriberStatus.Unsubscribed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriberStatus.Unsubscribed).SetProperty(s => s.UnsubscribedAt, s => s.UnsubscribedAt ?? now), ct) == 1
            && subscriber.ConfirmedAt is not null)
        {
            db.Publish(new NewsletterSubscriptionEnded(id, now), now);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}

namespace Coordination.Dissemination.Data;

internal enum SubscriberStatus
{
    Pending,
    Confirmed,
    Unsubscribed,
}

/// <summary>A newsletter subscriber. Subscribing is confirmed from a link sent to the address
/// (double opt-in); the links carry the id protected with the site's keys, so nothing secret is
/// stored here.</summary>
internal sealed class Subscriber
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string Language { get; set; } = "fi";

    public SubscriberStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? UnsubscribedAt { get; set; }
}

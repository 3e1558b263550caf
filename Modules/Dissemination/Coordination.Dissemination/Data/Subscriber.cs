namespace Coordination.Dissemination.Data;

internal enum SubscriberStatus
{
    Pending,
    Confirmed,
    Unsubscribed,
}

/// <summary>A newsletter subscriber. Subscribing is confirmed from a link sent to the address
/// (double opt-in) that carries the id protected with the site's keys. The unsubscribe link in
/// every issue carries <see cref="UnsubscribeToken"/>, random and kept here: a send reads it
/// instead of deriving a protected token per message, and the link outlives the site's keys.</summary>
internal sealed class Subscriber
{
    /// <summary>The length of every unsubscribe token (older links, protected ids, are longer).</summary>
    public const int UnsubscribeTokenLength = 32;

    /// <summary>128 random bits as 32 lower-case hex digits (the migration gave existing rows the same form).</summary>
    public static string NewUnsubscribeToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string Language { get; set; } = "fi";

    public SubscriberStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? UnsubscribedAt { get; set; }

    public string UnsubscribeToken { get; set; } = NewUnsubscribeToken();
}

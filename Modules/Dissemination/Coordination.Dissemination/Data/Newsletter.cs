using Coordination.Shared.Data;

namespace Coordination.Dissemination.Data;

internal enum IssueStatus
{
    Draft,
    Scheduled,
    Sending,
    Sent,
}

/// <summary>A newsletter issue: editorial text and the blocks to include. When sending starts,
/// the issue is rendered once per language and kept (the archive shows exactly what was sent).
/// A run that sends it holds it by a claim (<see cref="IClaimable"/>: claim id, lease, runs in
/// <see cref="Attempts"/>), so one run at a time sends an issue.</summary>
internal sealed class NewsletterIssue : IClaimable
{
    public Guid Id { get; set; }

    public LocalizedText Subject { get; set; } = new();

    public LocalizedText Editorial { get; set; } = new();

    public bool IncludeModels { get; set; } = true;

    public bool IncludePosts { get; set; } = true;

    public bool IncludeEvents { get; set; } = true;

    public bool IncludeSurveys { get; set; } = true;

    public bool IncludeNetworkMembers { get; set; }

    public IssueStatus Status { get; set; }

    public DateTime? ScheduledAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? HtmlFi { get; set; }

    public string? TextFi { get; set; }

    public string? HtmlSv { get; set; }

    public string? TextSv { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The run that holds (or last held) the issue.</summary>
    public Guid? ClaimId { get; set; }

    /// <summary>Until when that run holds it; renewed after every batch.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>How many runs have taken the issue.</summary>
    public int Attempts { get; set; }
}

internal enum DeliveryStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>One recipient of one issue: the delivery log. A row is claimed (Sending, with the
/// claim's lease) before its mail goes out and marked Sent after the server accepted it; a claim
/// left by a crashed process is taken again when its lease has run out, and counts as another
/// attempt.</summary>
[NotOnPublicPages]
internal sealed class NewsletterDelivery : IClaimable
{
    public Guid Id { get; set; }

    public Guid IssueId { get; set; }

    public Guid? SubscriberId { get; set; }

    public string Email { get; set; } = "";

    public string Language { get; set; } = "fi";

    public DeliveryStatus Status { get; set; }

    public Guid? ClaimId { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? Error { get; set; }
}

/// <summary>The coordinators' newsletter template (Scriban): HTML and plain-text parts.</summary>
internal sealed class NewsletterTemplate
{
    public Guid Id { get; set; }

    public string Html { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

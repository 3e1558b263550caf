using Coordination.Shared.Messaging;

namespace Coordination.Dissemination.Contracts;

/// <summary>A newsletter issue finished sending: how many it was sent to (Recipients: accepted
/// by the mail server; Failed: refused addresses). Monitoring counts issues and recipients.</summary>
public sealed record NewsletterIssueSent(
    Guid IssueId,
    string SubjectFi,
    string? SubjectSv,
    int Recipients,
    int Failed,
    DateTime SentAt) : IIntegrationEvent;

/// <summary>A newsletter subscription was confirmed (double opt-in). No address: the reader
/// counts subscribers. Language is fi or sv.</summary>
public sealed record NewsletterSubscriptionConfirmed(Guid SubscriptionId, string Language, DateTime ConfirmedAt) : IIntegrationEvent;

/// <summary>A confirmed newsletter subscription ended (unsubscribed or erased).</summary>
public sealed record NewsletterSubscriptionEnded(Guid SubscriptionId, DateTime EndedAt) : IIntegrationEvent;

/// <summary>A blog post or news item (Kind blog or news) was published; ProjectId is the project
/// it was written for, null for the network's own.</summary>
public sealed record PostPublished(
    Guid PostId,
    string Kind,
    Guid? ProjectId,
    string TitleFi,
    string? TitleSv,
    DateTime PublishedAt) : IIntegrationEvent;

using Coordination.Shared.Messaging;

namespace Coordination.Dissemination.Contracts;

/// <summary>A model of the method bank was published (or published again after edits).
/// ProjectId is null for the network's own models.</summary>
public sealed record ModelPublished(
    Guid ModelId,
    Guid NetworkId,
    Guid? ProjectId,
    string TitleFi,
    string? TitleSv,
    string? TitleEn,
    string SummaryFi,
    IReadOnlyList<string> Themes,
    int Version,
    DateTime PublishedAt) : IIntegrationEvent;

/// <summary>A published model was edited, or taken back to draft (Status draft).</summary>
public sealed record ModelUpdated(
    Guid ModelId,
    Guid NetworkId,
    Guid? ProjectId,
    string TitleFi,
    string Status,
    IReadOnlyList<string> Themes,
    int Version,
    DateTime UpdatedAt) : IIntegrationEvent;

/// <summary>A project sent a published model to review: the card as submitted (Finnish, and
/// Swedish where the card has it), with the organisations of its project (reviewers must come
/// from elsewhere).</summary>
public sealed record ModelSubmittedForReview(
    Guid ModelId,
    Guid NetworkId,
    Guid? ProjectId,
    IReadOnlyList<Guid> OrganisationIds,
    string TitleFi,
    string SummaryFi,
    string ChallengeFi,
    string MethodFi,
    string ResultFi,
    int Version,
    DateTime SubmittedAt,
    string? TitleSv = null,
    string? SummarySv = null,
    string? ChallengeSv = null,
    string? MethodSv = null,
    string? ResultSv = null) : IIntegrationEvent;

using Coordination.Shared.Messaging;

namespace Coordination.PeerReview.Contracts;

/// <summary>A model's peer review was completed: the coordinator released the consolidated
/// feedback of a peer round to its project. The method bank shows the peer-review badge.</summary>
public sealed record ModelPeerReviewed(Guid ModelId, Guid RoundId, string RoundName, int Reviews, double? AverageScore, DateTime ReviewedAt) : IIntegrationEvent;

/// <summary>A model's expert review was completed (feedback of an expert round released). The
/// method bank shows the expert-review badge.</summary>
public sealed record ModelExpertReviewed(Guid ModelId, Guid RoundId, string RoundName, int Reviews, double? AverageScore, DateTime ReviewedAt) : IIntegrationEvent;

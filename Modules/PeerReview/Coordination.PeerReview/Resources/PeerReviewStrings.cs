namespace Coordination.PeerReview.Resources;

/// <summary>Marker for the PeerReview module's texts (PeerReviewStrings.resx, .sv, .en).</summary>
internal sealed class PeerReviewStrings;

namespace Coordination.Membership.Resources;

/// <summary>Marker for Membership's texts (MembershipStrings.resx, .sv.resx, .en.resx).</summary>
internal sealed class MembershipStrings;

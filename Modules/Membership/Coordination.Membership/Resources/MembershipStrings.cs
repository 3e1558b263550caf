namespace Coordination.Membership.Resources;

/// <summary>Marker for Membership's texts (MembershipStrings.resx, .sv.resx, .en.resx).</summary>
public sealed class MembershipStrings;

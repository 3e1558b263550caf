namespace Coordination.Host.Resources;

/// <summary>Marker for the Host's texts (HostStrings.resx, .sv.resx, .en.resx).</summary>
public sealed class HostStrings;

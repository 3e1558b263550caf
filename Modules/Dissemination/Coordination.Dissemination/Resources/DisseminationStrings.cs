namespace Coordination.Dissemination.Resources;

/// <summary>Marker for the Dissemination module's texts (DisseminationStrings.resx, .sv, .en).</summary>
internal sealed class DisseminationStrings;

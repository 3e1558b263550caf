namespace Coordination.Shared.Localization;

/// <summary>Marker for the UI kit's own texts (SharedStrings.resx, .sv.resx, .en.resx).</summary>
public sealed class SharedStrings;

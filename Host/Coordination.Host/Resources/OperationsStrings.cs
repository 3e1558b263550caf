namespace Coordination.Host.Resources;

/// <summary>Marker for the texts of the operator's and coordinator's administration pages
/// (OperationsStrings.resx, .sv.resx, .en.resx): the audit trail.</summary>
public sealed class OperationsStrings;

namespace Coordination.Monitoring.Resources;

/// <summary>Marker for Monitoring's texts (MonitoringStrings.resx, .sv.resx, .en.resx).</summary>
internal sealed class MonitoringStrings;

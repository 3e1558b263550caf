namespace Coordination.Events.Resources;

/// <summary>Marker for the module's texts (EventsStrings.resx: Finnish; .sv, .en).</summary>
internal sealed class EventsStrings;

namespace Coordination.Surveys.Resources;

/// <summary>Marker for the Surveys module's texts (SurveysStrings.resx, .sv, .en).</summary>
internal sealed class SurveysStrings;

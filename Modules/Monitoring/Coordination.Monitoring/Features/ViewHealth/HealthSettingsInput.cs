using System.Globalization;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Web;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Features.ViewHealth;

/// <summary>A network's health thresholds as posted (text from a form, or numbers from the API).</summary>
internal sealed record HealthSettingsInput(string? ActivityWeeks, string? RotationMonths, string? GoalMonths, string? TrustMonths, string? KnowledgeMonths, string? MotivationMonths)
{
    /// <summary>Field name, lowest and highest value allowed.</summary>
    public static readonly (string Field, int Min, int Max)[] Limits =
    [
        ("activityWeeks", 1, 52), ("rotationMonths", 1, 60), ("goalMonths", 1, 36), ("trustMonths", 1, 36), ("knowledgeMonths", 1, 36), ("motivationMonths", 1, 36),
    ];

    public static HealthSettingsInput From(HealthSettings s)
        => new(Text(s.ActivityWeeks), Text(s.RotationMonths), Text(s.GoalMonths), Text(s.TrustMonths), Text(s.KnowledgeMonths), Text(s.MotivationMonths));

    private string?[] Values => [ActivityWeeks, RotationMonths, GoalMonths, TrustMonths, KnowledgeMonths, MotivationMonths];

    /// <summary>The settings when every value is a whole number within its limits; otherwise the errors by field.</summary>
    public (int[]? Values, FormErrors Errors) Validate(IStringLocalizer<MonitoringStrings> l)
    {
        var errors = new FormErrors();
        var values = new int[Limits.Length];
        for (var i = 0; i < Limits.Length; i++)
        {
            var (field, min, max) = Limits[i];
            if (!int.TryParse(Values[i]?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                errors.Add(field, string.Format(CultureInfo.CurrentCulture, l["ThresholdInvalid"], l["Threshold_" + field], min, max));
                continue;
            }

            values[i] = value;
        }

        return errors.IsEmpty ? (values, errors) : (null, errors);
    }

    public string? ValueOf(string field) => Values[Array.FindIndex(Limits, x => x.Field == field)];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

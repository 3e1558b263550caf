using System.Text.RegularExpressions;

namespace Coordination.Membership.Data;

/// <summary>The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit computed
/// with the weights 7, 9, 10, 5, 8, 4, 2 modulo 11 (a remainder of 1 is never issued).</summary>
internal static partial class BusinessId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }

        var check = CheckDigit(text[..7]);
        return check is not null && check.Value == text[8] - '0';
    }

    /// <summary>The check digit of seven digits, or null when no valid ID has them.</summary>
    public static int? CheckDigit(string sevenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (sevenDigits[i] - '0') * Weights[i];
        }

        var remainder = sum % 11;
        return remainder switch
        {
            0 => 0,
            1 => null,
            _ => 11 - remainder,
        };
    }

    /// <summary>Trims and accepts the old six-digit form by padding it with a leading zero.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim().Replace('‐', '-').Replace('–', '-');
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length == 8 && trimmed[6] == '-' ? "0" + trimmed : trimmed;
    }

    [GeneratedRegex(@"^\d{7}-\d$")]
    private static partial Regex Shape();
}

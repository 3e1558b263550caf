using System.Globalization;
using System.Text;

namespace Coordination.Surveys.Authoring;

/// <summary>A question's key ties its answers together across versions and names it in the
/// export. A coordinator need not invent one: a blank key is made from the question's Finnish
/// text ("Tyytyväisyys palveluun" → "tyytyvaisyys-palveluun"), made unique within the survey, and
/// a typed key may use ä, ö and å.</summary>
internal static class QuestionKeys
{
    private const int Length = 40;

    public static SurveyInput Fill(SurveyInput input)
    {
        if (input.Questions is null)
        {
            return input;
        }

        var taken = input.Questions.Where(q => !string.IsNullOrWhiteSpace(q.Key)).Select(q => Plain(q.Key!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var questions = input.Questions.Select(q =>
        {
            if (!string.IsNullOrWhiteSpace(q.Key))
            {
                return q with { Key = Plain(q.Key), Matrix = string.IsNullOrWhiteSpace(q.Matrix) ? q.Matrix : Plain(q.Matrix) };
            }

            var stem = Slug(q.Text?.Fi);
            var key = stem;
            for (var n = 2; !taken.Add(key); n++)
            {
                key = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
            }

            return q with { Key = key, Matrix = string.IsNullOrWhiteSpace(q.Matrix) ? q.Matrix : Plain(q.Matrix) };
        }).ToList();
        return input with { Questions = questions };
    }

    /// <summary>Lower-case a–z, digits and dashes from a text; "q" when nothing is left.</summary>
    public static string Slug(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in Plain(text ?? "").ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= Length)
            {
                break;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "q" : slug;
    }

    /// <summary>ä → a, ö → o, å → a, é → e (letters with marks lose them); other characters stay.</summary>
    private static string Plain(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

using System.Globalization;
using System.Text.Json;
using Coordination.Shared.Data;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Features.Answering;

/// <summary>An answer as understood: a scale point, option number(s), a number, a text, or "can't say".</summary>
internal sealed record ParsedAnswer(IReadOnlyList<double> Values, bool CantSay, string? Text);

/// <summary>Reads answers from the form (fields "q.{key}") or the API ({ key: value }) into one
/// shape, as raw strings per question, and checks them against the questions. A Likert answer is
/// 1–5 or "cantSay"; a choice the option's number (1…) or its text; multiple choice a list of them.</summary>
internal static class AnswerParser
{
    public const string CantSayValue = "cantSay";
    public const int MaxTextLength = 4000;

    public static Dictionary<string, List<string>> FromForm(IFormCollection form)
        => form.Keys.Where(k => k.StartsWith("q.", StringComparison.Ordinal))
            .ToDictionary(k => k[2..], k => form[k].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList(), StringComparer.Ordinal);

    public static Dictionary<string, List<string>> FromJson(Dictionary<string, JsonElement>? answers)
        => (answers ?? []).ToDictionary(a => a.Key, a => Strings(a.Value), StringComparer.Ordinal);

    private static List<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(Strings)],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? [] : [value.GetString()!.Trim()],
        JsonValueKind.True => ["true"],
        _ => [],
    };

    /// <summary>Checks every answer; with <paramref name="requireAll"/> (submitting) required
    /// questions must be answered. Error keys are "answers.{key}".</summary>
    public static (Dictionary<string, ParsedAnswer> Answers, FormErrors Errors) Parse(
        IReadOnlyList<Question> questions, Dictionary<string, List<string>> raw, bool requireAll, IStringLocalizer<SurveysStrings> l)
    {
        var errors = new FormErrors();
        var parsed = new Dictionary<string, ParsedAnswer>(StringComparer.Ordinal);
        foreach (var unknown in raw.Keys.Where(k => raw[k].Count > 0 && questions.All(q => q.Key != k)))
        {
            errors.Add("answers." + unknown, l["AnswerUnknownQuestion"]);
        }

        foreach (var q in questions)
        {
            var values = raw.TryGetValue(q.Key, out var v) ? v : [];
            var field = "answers." + q.Key;
            if (values.Count == 0)
            {
                if (requireAll && q.Required)
                {
                    errors.Add(field, l["AnswerRequired"]);
                }

                continue;
            }

            var answer = q.Type switch
            {
                QuestionType.Likert => Likert(q, values),
                QuestionType.Single => values.Count == 1 && Option(q, values[0]) is { } o ? new ParsedAnswer([o], false, null) : null,
                QuestionType.Multi => Multi(q, values),
                QuestionType.Number => values.Count == 1 && double.TryParse(values[0].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    && double.IsFinite(n) && (q.Min is null || n >= q.Min) && (q.Max is null || n <= q.Max) ? new ParsedAnswer([n], false, null) : null,
                _ => values.Count == 1 && values[0].Length <= MaxTextLength ? new ParsedAnswer([], false, values[0]) : null,
            };
            if (answer is null)
            {
                errors.Add(field, Message(q, l));
            }
            else
            {
                parsed[q.Key] = answer;
            }
        }

        return (parsed, errors);
    }

    private static ParsedAnswer? Likert(Question q, List<string> values)
    {
        if (values.Count != 1)
        {
            return null;
        }

        if (values[0] == CantSayValue)
        {
            return q.CantSay ? new ParsedAnswer([], true, null) : null;
        }

        return int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var point) && point is >= 1 and <= 5
            ? new ParsedAnswer([point], false, null)
            : null;
    }

    private static ParsedAnswer? Multi(Question q, List<string> values)
    {
        var options = values.Select(v => Option(q, v)).ToList();
        return options.Any(o => o is null) ? null : new ParsedAnswer([.. options.Select(o => o!.Value).Distinct().Order()], false, null);
    }

    /// <summary>The option's number (1…), given as the number or as its text in any language.</summary>
    private static double? Option(Question q, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= q.Options.Count ? n : null;
        }

        var index = q.Options.FindIndex(o => Matches(o, value));
        return index < 0 ? null : index + 1;
    }

    private static bool Matches(LocalizedText option, string value)
        => new[] { option.Fi, option.Sv, option.En }.Any(t => string.Equals(t, value, StringComparison.OrdinalIgnoreCase));

    private static string Message(Question q, IStringLocalizer<SurveysStrings> l) => q.Type switch
    {
        QuestionType.Likert => q.CantSay ? l["AnswerLikertOrCantSay"] : l["AnswerLikert"],
        QuestionType.Single => l["AnswerSingle"],
        QuestionType.Multi => l["AnswerMulti"],
        QuestionType.Number when q.Min is not null || q.Max is not null => string.Format(CultureInfo.CurrentCulture, l["AnswerNumberBetween"],
            q.Min?.ToString(CultureInfo.CurrentCulture) ?? "–", q.Max?.ToString(CultureInfo.CurrentCulture) ?? "–"),
        QuestionType.Number => l["AnswerNumber"],
        _ => l.Plural("AnswerTextTooLong", MaxTextLength),
    };
}

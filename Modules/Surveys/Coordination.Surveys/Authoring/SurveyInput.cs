using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Authoring;

/// <summary>A question as entered. Type: likert, single, multi, text, number. Options (single,
/// multi) are texts in fi/sv/en or plain strings; likert questions sharing a matrix name form one
/// statement matrix; section starts a new section before the question.</summary>
internal sealed record QuestionInput(
    string? Key,
    string? Type,
    LocalizedTextInput? Text,
    [property: JsonConverter(typeof(OptionsConverter))] List<LocalizedTextInput>? Options = null,
    bool? CantSay = null,
    bool? Required = null,
    LocalizedTextInput? Section = null,
    string? Matrix = null,
    LocalizedTextInput? LowLabel = null,
    LocalizedTextInput? HighLabel = null,
    double? Min = null,
    double? Max = null)
{
    public static QuestionInput From(Question q) => new(
        q.Key, EnumText.Of(q.Type), LocalizedTextInput.From(q.Text), [.. q.Options.Select(LocalizedTextInput.From)], q.CantSay, q.Required,
        q.Section is null ? null : LocalizedTextInput.From(q.Section), q.Matrix,
        q.LowLabel is null ? null : LocalizedTextInput.From(q.LowLabel), q.HighLabel is null ? null : LocalizedTextInput.From(q.HighLabel), q.Min, q.Max);

    public Question ToQuestion()
    {
        var type = EnumText.TryParse<QuestionType>(Type, out var parsed) ? parsed : throw new InvalidOperationException("Validate the input first.");
        return new Question
        {
            Key = Key!.Trim(),
            Type = type,
            Text = Text!.ToText(),
            Options = type is QuestionType.Single or QuestionType.Multi ? [.. (Options ?? []).Select(o => o.ToText())] : [],
            CantSay = type == QuestionType.Likert && CantSay == true,
            Required = Required == true,
            Section = Blank(Section) ? null : Section!.ToText(),
            Matrix = type == QuestionType.Likert && !string.IsNullOrWhiteSpace(Matrix) ? Matrix.Trim() : null,
            LowLabel = type == QuestionType.Likert && !Blank(LowLabel) ? LowLabel!.ToText() : null,
            HighLabel = type == QuestionType.Likert && !Blank(HighLabel) ? HighLabel!.ToText() : null,
            Min = type == QuestionType.Number ? Min : null,
            Max = type == QuestionType.Number ? Max : null,
        };
    }

    private static bool Blank(LocalizedTextInput? text) => string.IsNullOrWhiteSpace(text?.Fi);
}

/// <summary>A survey as entered. Times are ISO 8601 with an offset, or Helsinki wall-clock time.</summary>
internal sealed record SurveyInput(
    Guid? NetworkId,
    LocalizedTextInput? Title,
    string? OpensAt,
    string? ClosesAt,
    List<QuestionInput>? Questions,
    LocalizedTextInput? Intro = null,
    bool Anonymous = false,
    int? RemindEveryDays = null)
{
    public static SurveyInput From(Survey s) => new(
        s.NetworkId, LocalizedTextInput.From(s.Title), HelsinkiTime.LocalInput(s.OpensAt), HelsinkiTime.LocalInput(s.ClosesAt),
        [.. s.Questions.Select(QuestionInput.From)], LocalizedTextInput.From(s.Intro), s.Anonymous, s.RemindEveryDays);

    public DateTime? Opens => HelsinkiTime.TryParse(OpensAt, out var t) ? t : null;

    public DateTime? Closes => HelsinkiTime.TryParse(ClosesAt, out var t) ? t : null;
}

internal sealed partial class SurveyInputValidator : AbstractValidator<SurveyInput>
{
    public const int MaxQuestions = 200;

    public SurveyInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<SurveysStrings> l)
    {
        RuleFor(x => x.NetworkId).NotNull().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Network"]));
        RuleFor(x => x.Title).LocalizedText(shared, l["SurveyTitle"], required: true, 200);
        RuleFor(x => x.Intro).LocalizedText(shared, l["Intro"], required: false, 4000);
        RuleFor(x => x.OpensAt).Must(s => HelsinkiTime.TryParse(s, out _)).WithMessage(_ => l["TimeInvalid"]);
        RuleFor(x => x.ClosesAt).Must(s => HelsinkiTime.TryParse(s, out _)).WithMessage(_ => l["TimeInvalid"]);
        RuleFor(x => x.ClosesAt).Must((x, _) => x.Closes > x.Opens).When(x => x.Opens is not null && x.Closes is not null).WithMessage(_ => l["ClosesBeforeOpens"]);
        RuleFor(x => x.RemindEveryDays).InclusiveBetween(1, 60).When(x => x.RemindEveryDays is not null).WithMessage(_ => l["RemindEveryInvalid"]);
        RuleFor(x => x.Questions).NotEmpty().WithMessage(_ => l["QuestionsRequired"]);
        RuleFor(x => x.Questions!.Count).LessThanOrEqualTo(MaxQuestions).When(x => x.Questions is not null).OverridePropertyName("questions")
            .WithMessage(_ => l.Plural("TooManyQuestions", MaxQuestions));
        RuleForEach(x => x.Questions).ChildRules(q =>
        {
            q.RuleFor(x => x.Key).Must(k => k is not null && KeyPattern().IsMatch(k.Trim())).WithMessage(_ => l["KeyInvalid"]);
            q.RuleFor(x => x.Type).Must(EnumText.IsValid<QuestionType>).WithMessage(_ => l["TypeInvalid"]);
            q.RuleFor(x => x.Text).LocalizedText(shared, l["QuestionText"], required: true, 1000);
            q.RuleFor(x => x.Section).LocalizedText(shared, l["Section"], required: false, 200);
            q.RuleFor(x => x.LowLabel).LocalizedText(shared, l["LowLabel"], required: false, 100);
            q.RuleFor(x => x.HighLabel).LocalizedText(shared, l["HighLabel"], required: false, 100);
            q.RuleFor(x => x.Options).Must(o => o is { Count: >= 2 and <= 50 } && o.All(x => !string.IsNullOrWhiteSpace(x.Fi) && x.Fi.Length <= 300 && (x.Sv?.Length ?? 0) <= 300 && (x.En?.Length ?? 0) <= 300))
                .When(x => x.Type is "single" or "multi").WithMessage(_ => l["OptionsInvalid"]);
            q.RuleFor(x => x.Matrix).Must(m => m is null || KeyPattern().IsMatch(m.Trim())).WithMessage(_ => l["MatrixInvalid"]);
            q.RuleFor(x => x.Max).Must((x, max) => max >= x.Min).When(x => x.Min is not null && x.Max is not null).WithMessage(_ => l["MaxBelowMin"]);
        });
        RuleFor(x => x.Questions).Must(qs => qs!.Where(q => q.Key is not null).GroupBy(q => q.Key!.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .When(x => x.Questions is not null).WithMessage(_ => l["KeysNotUnique"]);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex KeyPattern();
}

/// <summary>Options as ["Kyllä", "Ei"] or [{ "fi": "Kyllä", "sv": "Ja" }].</summary>
internal sealed class OptionsConverter : JsonConverter<List<LocalizedTextInput>>
{
    public override List<LocalizedTextInput>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("options must be an array");
        }

        var list = new List<LocalizedTextInput>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.TokenType == JsonTokenType.String
                ? new LocalizedTextInput(reader.GetString(), null, null)
                : JsonSerializer.Deserialize<LocalizedTextInput>(ref reader, options) ?? new LocalizedTextInput(null, null, null));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<LocalizedTextInput> value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, options);
}

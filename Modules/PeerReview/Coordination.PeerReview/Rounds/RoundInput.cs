using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Rounds;

/// <summary>A criterion as written: a title and the rubric of levels 1–5.</summary>
internal sealed record CriterionInput(string? Title, IReadOnlyList<string>? Rubric);

/// <summary>A round as written in the form or the API. Times are Helsinki time or ISO with offset.</summary>
internal sealed record RoundInput(
    string? Name,
    string? Type,
    int? ReviewersPerSubmission,
    int? MaxReviewsPerReviewer,
    string? OpensAt = null,
    string? ClosesAt = null,
    Guid? NetworkId = null,
    bool ShowReviewerNames = false,
    Guid? EventId = null,
    IReadOnlyList<CriterionInput>? Criteria = null)
{
    public static readonly IReadOnlyList<string> Types = ["peer", "expert", "roundTable"];

    /// <summary>Validates and, when valid, writes the input into <paramref name="round"/>. A round
    /// table's event must be one Events told us of.</summary>
    public async Task<FormErrors> ApplyToAsync(Round round, PeerReviewDbContext db, IStringLocalizer<PeerReviewStrings> l, CancellationToken ct)
    {
        var errors = new FormErrors();
        if (EventId is { } eventId && !await db.Events.AnyAsync(e => e.EventId == eventId && !e.Cancelled, ct))
        {
            errors.Add("eventId", l["EventUnknown"]);
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            errors.Add("name", l["NameRequired"]);
        }

        var type = Type switch { "peer" => RoundType.Peer, "expert" => RoundType.Expert, "roundTable" => RoundType.RoundTable, _ => (RoundType?)null };
        if (type is null)
        {
            errors.Add("type", l["TypeInvalid"]);
        }

        if (ReviewersPerSubmission is not (>= 1 and <= 10))
        {
            errors.Add("reviewersPerSubmission", l["KInvalid"]);
        }

        if (MaxReviewsPerReviewer is not (>= 1 and <= 100))
        {
            errors.Add("maxReviewsPerReviewer", l["MaxInvalid"]);
        }

        DateTime? opens = null, closes = null;
        if (!string.IsNullOrWhiteSpace(OpensAt))
        {
            if (HelsinkiTime.TryParse(OpensAt, out var at))
            {
                opens = at;
            }
            else
            {
                errors.Add("opensAt", l["TimeInvalid"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(ClosesAt))
        {
            if (HelsinkiTime.TryParse(ClosesAt, out var at))
            {
                closes = at;
            }
            else
            {
                errors.Add("closesAt", l["TimeInvalid"]);
            }
        }

        if (opens is not null && closes is not null && closes <= opens)
        {
            errors.Add("closesAt", l["ClosesBeforeOpens"]);
        }

        var criteria = CriteriaFrom(Criteria, errors, l);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        round.Name = Name!.Trim();
        round.Type = type!.Value;
        round.ReviewersPerSubmission = ReviewersPerSubmission!.Value;
        round.MaxReviewsPerReviewer = MaxReviewsPerReviewer!.Value;
        round.OpensAt = opens;
        round.ClosesAt = closes;
        round.NetworkId = NetworkId;
        round.ShowReviewerNames = ShowReviewerNames;
        round.EventId = EventId;
        if (criteria is not null)
        {
            round.Criteria = criteria;
        }
        else if (round.Criteria.Count == 0)
        {
            round.Criteria = DefaultCriteria(l);
        }

        return errors;
    }

    /// <summary>Null when none were given; errors keyed criteria[i].</summary>
    public static List<Criterion>? CriteriaFrom(IReadOnlyList<CriterionInput>? inputs, FormErrors errors, IStringLocalizer<PeerReviewStrings> l)
    {
        if (inputs is null || inputs.Count == 0)
        {
            return null;
        }

        var list = new List<Criterion>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var c = inputs[i];
            if (string.IsNullOrWhiteSpace(c.Title) || c.Title.Trim().Length > 200)
            {
                errors.Add($"criteria[{i}]", l["CriterionTitleRequired"]);
            }
            else if (c.Rubric is not { Count: 5 } || c.Rubric.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"criteria[{i}]", l["RubricFiveLevels"]);
            }
            else
            {
                list.Add(new Criterion($"c{i + 1}", c.Title.Trim(), [.. c.Rubric.Select(r => r.Trim())]));
            }
        }

        if (list.Count > 12)
        {
            errors.Add("criteria", l["TooManyCriteria"]);
        }

        return list;
    }

    /// <summary>The form's criteria as lines "Title | level 1 | … | level 5".</summary>
    public static List<CriterionInput> ParseLines(IEnumerable<string> lines)
        => [.. lines.Select(line => line.Split('|', StringSplitOptions.TrimEntries)).Select(parts => new CriterionInput(parts[0], parts.Length > 1 ? parts[1..] : null))];

    public static string ToLines(IEnumerable<Criterion> criteria) => string.Join("\n", criteria.Select(c => string.Join(" | ", [c.Title, .. c.Rubric])));

    public static List<Criterion> DefaultCriteria(IStringLocalizer<PeerReviewStrings> l)
        => [.. ParseLines(l["DefaultCriteria"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select((c, i) => new Criterion($"c{i + 1}", c.Title!, c.Rubric!))];

    // Hand-written: the type is the API's text and the times Helsinki wall-clock input.
    public static RoundInput From(Round r) => new(
        r.Name, r.Type switch { RoundType.Peer => "peer", RoundType.Expert => "expert", _ => "roundTable" }, r.ReviewersPerSubmission, r.MaxReviewsPerReviewer,
        r.OpensAt is { } o ? HelsinkiTime.LocalInput(o) : null, r.ClosesAt is { } c ? HelsinkiTime.LocalInput(c) : null, r.NetworkId, r.ShowReviewerNames, r.EventId,
        [.. r.Criteria.Select(c => c.Adapt<CriterionInput>(PeerReviewMappings.Config))]);
}

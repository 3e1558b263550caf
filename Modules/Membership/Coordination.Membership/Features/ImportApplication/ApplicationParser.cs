using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Coordination.Membership.Data;
using Coordination.Shared.Web;

namespace Coordination.Membership.Features.ImportApplication;

/// <summary>What the parser read from an application; every part may be missing (see Warnings).</summary>
internal sealed record ApplicationPreview(
    ProjectPart Project,
    List<OrganisationPart> Organisations,
    List<GoalPart> Goals,
    BudgetPart Budget,
    List<string> Warnings);

internal sealed record ProjectPart(string? Name, string? FundingDecisionNumber, DateOnly? StartDate, DateOnly? EndDate, string? FocusAreas, string? Language);

/// <summary>Role is "applicant" or "partner".</summary>
internal sealed record OrganisationPart(string Name, string? BusinessId, string Role, string? ContactName, string? ContactEmail);

internal sealed record GoalPart(string? FocusArea, string Objective, string? Activities, string? Results, string? Monitoring);

internal sealed record BudgetPart(decimal? Total, decimal? Grant, decimal? OwnFinancing, List<BudgetLinePart> Lines);

internal sealed record BudgetLinePart(string Category, decimal Amount);

/// <summary>Reads a funding application in the text form of the funder's application system
/// (headed sections, "label" lines followed by value lines, tab-separated tables). It never
/// throws on bad input: what it cannot read becomes a warning in the user's language.</summary>
internal sealed partial class ApplicationParser(Func<string, string> text)
{
    private const int MaxLength = 1_000_000;

    public ApplicationPreview Parse(string? input)
    {
        var warnings = new List<string>();
        var raw = input ?? "";
        if (raw.Length > MaxLength)
        {
            warnings.Add(text("ImportTooLong"));
            raw = raw[..MaxLength];
        }

        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        var project = ReadProject(lines, warnings);
        var organisations = ReadOrganisations(lines, warnings);
        var goals = ReadGoals(lines, warnings);
        var budget = ReadBudget(lines, warnings);
        return Clip(new ApplicationPreview(project, organisations, goals, budget, warnings));
    }

    /// <summary>Cuts texts to what the database keeps, saying so.</summary>
    private ApplicationPreview Clip(ApplicationPreview p)
    {
        var clipped = false;
        string? Cut(string? value, int max)
        {
            if (value is null || value.Length <= max)
            {
                return value;
            }

            clipped = true;
            return value[..max];
        }

        var result = p with
        {
            Project = p.Project with { Name = Cut(p.Project.Name, 300), FundingDecisionNumber = Cut(p.Project.FundingDecisionNumber, 50) },
            Organisations = [.. p.Organisations.Select(o => o with { Name = Cut(o.Name, 300)!, ContactName = Cut(o.ContactName, 200), ContactEmail = o.ContactEmail?.Length > 254 ? null : o.ContactEmail })],
            Goals = [.. p.Goals.Select(g => new GoalPart(Cut(g.FocusArea, 300), Cut(g.Objective, 4000)!, Cut(g.Activities, 8000), Cut(g.Results, 8000), Cut(g.Monitoring, 8000)))],
            Budget = p.Budget with { Lines = [.. p.Budget.Lines.Select(l => l with { Category = Cut(l.Category, 200)! })] },
        };
        if (clipped)
        {
            result.Warnings.Add(text("ImportClipped"));
        }

        return result;
    }

    private ProjectPart ReadProject(List<string> lines, List<string> warnings)
    {
        var name = ValueAfter(lines, "Hankkeen nimi");
        if (name is null)
        {
            warnings.Add(text("ImportNoProjectName"));
        }

        var number = lines.Select(l => DecisionNumber().Match(l)).FirstOrDefault(m => m.Success)?.Groups[2].Value.Trim();
        var start = Date(ValueAfter(lines, "Hankkeen alkamisaika"), "ImportNoStartDate", warnings);
        var end = Date(ValueAfter(lines, "Hankkeen päättymisaika"), "ImportNoEndDate", warnings);
        if (start is not null && end is not null && end < start)
        {
            warnings.Add(text("ImportEndBeforeStart"));
        }

        var focus = lines.FindIndex(l => l.StartsWith("Mihin painopisteeseen", StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? NextValue(lines, i) : null;
        return new ProjectPart(name, number, start, end, focus, ValueAfter(lines, "Hankkeen asiointikieli"));
    }

    private List<OrganisationPart> ReadOrganisations(List<string> lines, List<string> warnings)
    {
        var result = new List<OrganisationPart>();
        var applicantAt = lines.FindIndex(l => l.StartsWith("Hakija\t", StringComparison.Ordinal) || l.Trim() == "Hakija");
        if (applicantAt < 0 || NextValue(lines, applicantAt) is not { } applicantLine)
        {
            warnings.Add(text("ImportNoApplicant"));
        }
        else
        {
            var cells = applicantLine.Split('\t');
            var businessId = CheckedBusinessId(ValueAfter(lines, "Y-tunnus"), cells[0].Trim(), warnings);
            var contactAt = lines.FindIndex(applicantAt, l => l.StartsWith("Yhteyshenkilö", StringComparison.Ordinal));
            string? contactName = null, contactEmail = null;
            if (contactAt >= 0 && NextValue(lines, contactAt) is { } contactLine)
            {
                var parts = contactLine.Split('\t', StringSplitOptions.TrimEntries);
                contactName = parts[0].Length > 0 && !parts[0].Contains('@', StringComparison.Ordinal) ? parts[0] : null;
                contactEmail = parts.FirstOrDefault(p => p.Contains('@', StringComparison.Ordinal));
            }

            if (contactEmail is null)
            {
                warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportNoContact"), cells[0].Trim()));
            }

            result.Add(new OrganisationPart(cells[0].Trim(), businessId, "applicant", contactName, Email(contactEmail)));
        }

        // "1 Hankkeen yhteistyökumppanit <tab> Yhteyshenkilön sähköposti", then one partner a line
        // (the first without its number) until the next heading.
        var partnersAt = lines.FindIndex(l => l.Contains("yhteistyökumppanit\t", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Muut", StringComparison.Ordinal));
        if (partnersAt >= 0)
        {
            for (var i = partnersAt + 1; i < lines.Count; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var parts = line.Split('\t', StringSplitOptions.TrimEntries);
                var name = PartnerNumber().Replace(parts[0], "").Trim();
                if (line.StartsWith("Muut yhteistyökumppanit", StringComparison.OrdinalIgnoreCase) || IsHeading(line) || IsLabel(name))
                {
                    break;
                }

                var email = parts.Skip(1).FirstOrDefault(p => p.Contains('@', StringComparison.Ordinal));
                if (name.Length == 0)
                {
                    continue;
                }

                if (email is null)
                {
                    warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportNoContact"), name));
                }
                else if (Email(email) is null)
                {
                    warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportBadEmail"), email, name));
                }

                var businessId = parts.Skip(1).FirstOrDefault(p => BusinessIdShape().IsMatch(p));
                result.Add(new OrganisationPart(name, CheckedBusinessId(businessId, name, warnings), "partner", NameFromEmail(Email(email)), Email(email)));
            }
        }

        if (!result.Any(o => o.Role == "partner"))
        {
            warnings.Add(text("ImportNoPartners"));
        }

        return result;
    }

    private List<GoalPart> ReadGoals(List<string> lines, List<string> warnings)
    {
        var goals = new List<GoalPart>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim() != "Tavoite")
            {
                continue;
            }

            var parts = new Dictionary<string, StringBuilder>
            {
                ["Tavoite"] = new(), ["Toiminta"] = new(), ["Tulos"] = new(), ["Seuranta"] = new(),
            };
            var current = "Tavoite";
            var j = i + 1;
            for (; j < lines.Count; j++)
            {
                var line = lines[j].Trim();
                if (line is "Tavoite" || IsHeading(line) || line.EndsWith('?') || IsDateLabel(line) || GoalNumber().IsMatch(line) && j + 2 < lines.Count && NextNonEmpty(lines, j) == "Tavoite")
                {
                    break;
                }

                if (parts.ContainsKey(line) && line != "Tavoite")
                {
                    current = line;
                    continue;
                }

                if (line.Length > 0)
                {
                    parts[current].Append(parts[current].Length > 0 ? "\n\n" : "").Append(line);
                }
            }

            i = j - 1;
            var objective = parts["Tavoite"].ToString();
            string? focus = null;
            var match = FocusLine().Match(objective);
            if (match.Success)
            {
                focus = match.Groups[1].Value.Trim().TrimEnd(':').Trim();
                objective = objective[match.Length..].Trim();
            }

            if (objective.Length == 0 && focus is not null)
            {
                (objective, focus) = (focus, null);
            }

            if (objective.Length == 0)
            {
                warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportGoalWithoutObjective"), goals.Count + 1));
                continue;
            }

            string? Part(string key) => parts[key].Length == 0 ? null : parts[key].ToString();
            var goal = new GoalPart(focus, objective, Part("Toiminta"), Part("Tulos"), Part("Seuranta"));
            if (goal.Activities is null || goal.Results is null || goal.Monitoring is null)
            {
                warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportGoalIncomplete"), goals.Count + 1));
            }

            goals.Add(goal);
        }

        if (goals.Count == 0)
        {
            warnings.Add(text("ImportNoGoals"));
        }

        return goals;
    }

    private BudgetPart ReadBudget(List<string> lines, List<string> warnings)
    {
        var budgetLines = new List<BudgetLinePart>();
        decimal? total = null;
        var header = lines.FindIndex(l => l.StartsWith("Menot\t", StringComparison.Ordinal));
        if (header >= 0)
        {
            for (var i = header + 1; i < lines.Count; i++)
            {
                var cells = lines[i].Split('\t', StringSplitOptions.TrimEntries);
                if (cells[0].Length == 0 && cells.Length == 1)
                {
                    continue;
                }

                if (cells[0].StartsWith("Menot yhteensä", StringComparison.OrdinalIgnoreCase))
                {
                    total = LastAmount(cells);
                    break;
                }

                if (IsHeading(cells[0]))
                {
                    break;
                }

                if (LastAmount(cells) is { } amount)
                {
                    budgetLines.Add(new BudgetLinePart(cells[0], amount));
                }
                else
                {
                    warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportBudgetLineUnreadable"), cells[0], cells.Length > 1 ? cells[^1] : ""));
                }
            }
        }

        var grant = AmountOnLine(lines, l => l.Contains("myöntämä avustus", StringComparison.OrdinalIgnoreCase))
            ?? AmountOnLine(lines, l => l.StartsWith("Haettu avustus yhteensä", StringComparison.OrdinalIgnoreCase));
        var own = AmountOnLine(lines, l => l.StartsWith("Omarahoitus\t", StringComparison.Ordinal));
        if (budgetLines.Count == 0)
        {
            warnings.Add(text("ImportNoBudget"));
        }

        total ??= budgetLines.Count > 0 ? budgetLines.Sum(l => l.Amount) : null;
        if (total is not null && budgetLines.Count > 0 && budgetLines.Sum(l => l.Amount) != total)
        {
            warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportBudgetSumDiffers"), budgetLines.Sum(l => l.Amount), total));
        }

        if (grant is null)
        {
            warnings.Add(text("ImportNoGrant"));
        }

        if (own is null)
        {
            warnings.Add(text("ImportNoOwnFinancing"));
        }

        if (total is not null && grant is not null && own is not null && grant + own != total)
        {
            warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportFinancingDiffers"), grant, own, total));
        }

        return new BudgetPart(total, grant, own, budgetLines);
    }

    private string? CheckedBusinessId(string? value, string organisation, List<string> warnings)
    {
        var normalized = BusinessId.Normalize(value);
        if (normalized is null)
        {
            return null;
        }

        if (BusinessId.IsValid(normalized))
        {
            return normalized;
        }

        warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportBadBusinessId"), value, organisation));
        return null;
    }

    private DateOnly? Date(string? value, string missing, List<string> warnings)
    {
        if (value is null)
        {
            warnings.Add(text(missing));
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), ["d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportBadDate"), value));
        return null;
    }

    /// <summary>The first non-empty line after the line that starts with <paramref name="label"/>.</summary>
    private static string? ValueAfter(List<string> lines, string label)
    {
        var at = lines.FindIndex(l => l.Trim().StartsWith(label, StringComparison.OrdinalIgnoreCase));
        return at < 0 ? null : NextValue(lines, at)?.Split('\t')[0].Trim();
    }

    private static string? NextValue(List<string> lines, int at)
    {
        for (var i = at + 1; i < lines.Count && i <= at + 3; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return IsHeading(lines[i].Trim()) ? null : lines[i].Trim();
            }
        }

        return null;
    }

    private static string? NextNonEmpty(List<string> lines, int at)
        => lines.Skip(at + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    private static decimal? AmountOnLine(List<string> lines, Func<string, bool> match)
        => lines.FirstOrDefault(match) is { } line ? line.Split('\t', StringSplitOptions.TrimEntries).Skip(1).Select(FormReader.ParseAmount).FirstOrDefault(a => a is not null) : null;

    private static decimal? LastAmount(string[] cells)
        => cells.Length < 2 ? null : FormReader.ParseAmount(cells[^1]);

    private static string? Email(string? value)
        => value is not null && EmailShape().Match(value) is { Success: true } m ? m.Value.ToLowerInvariant() : null;

    /// <summary>"maija.meikalainen@..." → "Maija Meikalainen": a guess the preview shows for checking.</summary>
    private static string? NameFromEmail(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var local = email[..email.IndexOf('@', StringComparison.Ordinal)];
        var parts = local.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? null : string.Join(' ', parts.Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
    }

    /// <summary>A label of the form, which no organisation is named.</summary>
    private static bool IsLabel(string text)
        => text is "Tavoite" or "Toiminta" or "Tulos" or "Seuranta" || text.EndsWith('?') || IsDateLabel(text) || text.StartsWith("Hankkeen ", StringComparison.Ordinal);

    private static bool IsDateLabel(string line)
        => line.StartsWith("Hankkeen alkamisaika", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Hankkeen päättymisaika", StringComparison.OrdinalIgnoreCase);

    /// <summary>An all-capitals section heading of the form (HANKETIEDOT, TALOUSARVIO...).</summary>
    private static bool IsHeading(string line)
        => line.Length >= 4 && !line.Any(char.IsDigit) && line.Any(char.IsLetter) && line.Where(char.IsLetter).All(char.IsUpper);

    [GeneratedRegex(@"^(Asianumero|Diaarinumero|Päätösnumero|Rahoituspäätöksen numero)\s*:?\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionNumber();

    [GeneratedRegex(@"^\d{1,3}\s+")]
    private static partial Regex PartnerNumber();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex GoalNumber();

    [GeneratedRegex(@"^(\d+(?:\.\d+)*\.?\s*[^:\n]{0,200}:?)\s*")]
    private static partial Regex FocusLine();

    [GeneratedRegex(@"^\d{6,7}-\d$")]
    private static partial Regex BusinessIdShape();

    [GeneratedRegex(@"[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailShape();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Coordination.Membership.Data;
using Coordination.Shared.Web;

namespace Coordination.Membership.Features.ImportApplication;

/// <summary>What the parser read from an application; every part may be missing (see Warnings).
/// <see cref="NotStored"/> lists, by the application's section, what the import will not keep.</summary>
internal sealed record ApplicationPreview(
    ProjectPart Project,
    List<OrganisationPart> Organisations,
    List<GoalPart> Goals,
    BudgetPart Budget,
    List<string> Warnings)
{
    public PlanPart Plan { get; init; } = new();

    /// <summary>The organisations' own parts: work plans, indicators and budgets.</summary>
    public List<PartnerPlanPart> PartnerPlans { get; init; } = [];

    public List<NotStoredPart> NotStored { get; init; } = [];

    /// <summary>A project already imported from this application (set by the endpoints, which
    /// look into the database; the parser never does).</summary>
    public ExistingProjectPart? ExistingProject { get; init; }
}

/// <summary><paramref name="FundingDecisionNumber"/> only when the application states a decision's
/// number; the call's case number ("Asianumero") is <see cref="CallCaseNumber"/>.</summary>
internal sealed record ProjectPart(string? Name, string? FundingDecisionNumber, DateOnly? StartDate, DateOnly? EndDate, string? FocusAreas, string? Language)
{
    public string? CallName { get; init; }

    public string? CallCaseNumber { get; init; }

    public string? CallPeriod { get; init; }

    public bool? JointProject { get; init; }

    public string? OtherPartners { get; init; }
}

/// <summary>Role is "applicant" or "partner". <see cref="Language"/> is "fi" or "sv" when the
/// application states it, else null (left for the coordinator).</summary>
internal sealed record OrganisationPart(string Name, string? BusinessId, string Role, string? ContactName, string? ContactEmail)
{
    /// <summary>The contact's name was guessed from the e-mail address.</summary>
    public bool ContactNameGuessed { get; init; }

    public string? Language { get; init; }
}

internal sealed record GoalPart(string? FocusArea, string Objective, string? Activities, string? Results, string? Monitoring);

internal sealed record BudgetPart(decimal? Total, decimal? Grant, decimal? OwnFinancing, List<BudgetLinePart> Lines)
{
    public List<GrantSharePart> GrantByFocusArea { get; init; } = [];

    public List<FinancingLinePart> OtherFinancing { get; init; } = [];

    public bool? VatIncluded { get; init; }
}

internal sealed record BudgetLinePart(string Category, decimal Amount)
{
    public string? Description { get; init; }
}

internal sealed record GrantSharePart(string FocusArea, decimal Amount);

internal sealed record FinancingLinePart(string Label, decimal Amount);

/// <summary>The applicant's facts and the plan's texts, under the funder's field names.</summary>
internal sealed record PlanPart
{
    public string? ApplicantEmail { get; init; }

    public string? OwnerType { get; init; }

    public string? PostalAddress { get; init; }

    public string? PostalCode { get; init; }

    public string? PostOffice { get; init; }

    public List<SignatoryPart> Signatories { get; init; } = [];

    public string? Summary { get; init; }

    public string? Need { get; init; }

    public string? PreviousWork { get; init; }

    public string? TargetGroups { get; init; }

    public string? Involvement { get; init; }

    public string? Equality { get; init; }

    public string? Uptake { get; init; }

    public List<AnswerPart> OtherAnswers { get; init; } = [];

    public bool? NationalCoordination { get; init; }

    public string? Attachments { get; init; }
}

internal sealed record SignatoryPart(string Name, string? Email);

internal sealed record AnswerPart(string Question, string Answer);

/// <summary>One organisation's own part of the application.</summary>
internal sealed record PartnerPlanPart(string Organisation, string? Language, string? WorkPlan, List<IndicatorPart> Indicators, List<BudgetLinePart> Budget);

internal sealed record IndicatorPart(string Name, string? Target);

/// <summary>Kind: "bankDetails", "personalIdentityNumber" (Text then says how many) or "unread"
/// (Text is the line, with any bank account or identity number masked).</summary>
internal sealed record NotStoredPart(string Section, string Kind, string? Text);

internal sealed record ExistingProjectPart(Guid Id, string Name);

/// <summary>Reads a funding application in the text form of the funder's application system
/// (headed sections, "label" lines followed by value lines, tab-separated tables). It never
/// throws on bad input: what it cannot read becomes a warning in the user's language. It keeps
/// track of every line it used, so what it did not use is reported as not stored; bank account
/// numbers and personal identity numbers are masked before anything else reads the text.</summary>
internal sealed partial class ApplicationParser(Func<string, string> text)
{
    private const int MaxLength = 1_000_000;

    /// <summary>Shown in place of a masked bank account or identity number.</summary>
    public const string Mask = "***";

    private static readonly string[] PartnerLabels = ["Yhteistyökumppani", "Osatoteuttaja"];

    private static readonly string[] PartnerBlockLabels = ["Yhteistyökumppani", "Osatoteuttaja", "Y-tunnus", "Asiointikieli", "Kieli", "Työsuunnitelma", "Indikaattorit", "Kustannusarvio"];

    private static readonly string[] KnownLabels =
    [
        "Hanke pähkinänkuoressa", "Hankkeen kohderyhmät", "Hankkeen nimi", "Muut yhteistyökumppanit", "Liitteet", "Hankkeen asiointikieli",
        "Onko kyseessä yhteishanke", "Tavoite", "Toiminta", "Tulos", "Seuranta",
    ];

    public ApplicationPreview Parse(string? input)
    {
        var warnings = new List<string>();
        var raw = input ?? "";
        if (raw.Length > MaxLength)
        {
            warnings.Add(text("ImportTooLong"));
            raw = raw[..MaxLength];
        }

        var doc = new Doc(raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList());
        var notStored = doc.MaskSecrets();
        var project = ReadProject(doc, warnings);
        var (organisations, plan) = ReadApplicant(doc, project, warnings, notStored);
        organisations.AddRange(ReadPartners(doc, warnings));
        if (!organisations.Any(o => o.Role == "partner"))
        {
            warnings.Add(text("ImportNoPartners"));
        }

        var partnerPlans = ReadPartnerPlans(doc, organisations, warnings);
        var goals = ReadGoals(doc, warnings);
        var budget = ReadBudget(doc, warnings);
        plan = ReadPlan(doc, plan);
        notStored.AddRange(doc.Unread().Select(u => new NotStoredPart(u.Section, "unread", u.Line)));
        return Clip(new ApplicationPreview(project, organisations, goals, budget, warnings) { Plan = plan, PartnerPlans = partnerPlans, NotStored = [.. notStored.Distinct()] });
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

        BudgetLinePart Line(BudgetLinePart l) => l with { Category = Cut(l.Category, 200)!, Description = Cut(l.Description, 1000) };
        const int plain = ProjectPlanLimits.Text, @long = ProjectPlanLimits.Long, @short = ProjectPlanLimits.Short;
        var result = p with
        {
            Project = p.Project with
            {
                Name = Cut(p.Project.Name, 300), FundingDecisionNumber = Cut(p.Project.FundingDecisionNumber, 50), CallCaseNumber = Cut(p.Project.CallCaseNumber, 50),
                CallName = Cut(p.Project.CallName, @long), CallPeriod = Cut(p.Project.CallPeriod, @short), FocusAreas = Cut(p.Project.FocusAreas, @long),
                Language = Cut(p.Project.Language, @short), OtherPartners = Cut(p.Project.OtherPartners, @long),
            },
            Organisations = [.. p.Organisations.Select(o => o with { Name = Cut(o.Name, 300)!, ContactName = Cut(o.ContactName, 200), ContactEmail = o.ContactEmail?.Length > 254 ? null : o.ContactEmail })],
            Goals = [.. p.Goals.Select(g => new GoalPart(Cut(g.FocusArea, 300), Cut(g.Objective, 4000)!, Cut(g.Activities, 8000), Cut(g.Results, 8000), Cut(g.Monitoring, 8000)))],
            Budget = p.Budget with
            {
                Lines = [.. p.Budget.Lines.Select(Line)],
                GrantByFocusArea = [.. p.Budget.GrantByFocusArea.Select(g => g with { FocusArea = Cut(g.FocusArea, @short)! })],
                OtherFinancing = [.. p.Budget.OtherFinancing.Select(f => f with { Label = Cut(f.Label, @short)! })],
            },
            Plan = p.Plan with
            {
                ApplicantEmail = p.Plan.ApplicantEmail?.Length > 254 ? null : p.Plan.ApplicantEmail,
                OwnerType = Cut(p.Plan.OwnerType, @short), PostalAddress = Cut(p.Plan.PostalAddress, @short), PostalCode = Cut(p.Plan.PostalCode, 20),
                PostOffice = Cut(p.Plan.PostOffice, @short),
                Signatories = [.. p.Plan.Signatories.Select(s => new SignatoryPart(Cut(s.Name, 200)!, s.Email?.Length > 254 ? null : s.Email))],
                Summary = Cut(p.Plan.Summary, plain), Need = Cut(p.Plan.Need, plain), PreviousWork = Cut(p.Plan.PreviousWork, plain),
                TargetGroups = Cut(p.Plan.TargetGroups, plain), Involvement = Cut(p.Plan.Involvement, plain), Equality = Cut(p.Plan.Equality, plain),
                Uptake = Cut(p.Plan.Uptake, plain), Attachments = Cut(p.Plan.Attachments, @long),
                OtherAnswers = [.. p.Plan.OtherAnswers.Select(a => new AnswerPart(Cut(a.Question, @long)!, Cut(a.Answer, plain)!))],
            },
            PartnerPlans = [.. p.PartnerPlans.Select(pp => pp with
            {
                WorkPlan = Cut(pp.WorkPlan, plain),
                Indicators = [.. pp.Indicators.Select(i => new IndicatorPart(Cut(i.Name, @short)!, Cut(i.Target, @short)))],
                Budget = [.. pp.Budget.Select(Line)],
            })],
        };
        if (clipped)
        {
            result.Warnings.Add(text("ImportClipped"));
        }

        return result;
    }

    private ProjectPart ReadProject(Doc doc, List<string> warnings)
    {
        var name = doc.ValueAfter("Hankkeen nimi");
        if (name is null)
        {
            warnings.Add(text("ImportNoProjectName"));
        }

        string? caseNumber = null, decisionNumber = null, period = null;
        for (var i = 0; i < doc.Count; i++)
        {
            if (doc.InPartnerPart(i))
            {
                continue;
            }

            var line = doc[i].Trim();
            if (caseNumber is null && CaseNumber().Match(line) is { Success: true } c)
            {
                caseNumber = c.Groups[2].Value.Trim();
                doc.Use(i);
            }
            else if (decisionNumber is null && DecisionNumber().Match(line) is { Success: true } d)
            {
                decisionNumber = d.Groups[2].Value.Trim();
                doc.Use(i);
            }
            else if (period is null && line.StartsWith("Hakuaika", StringComparison.OrdinalIgnoreCase))
            {
                period = line["Hakuaika".Length..].Trim().TrimStart(':').Trim() is { Length: > 0 } p ? p : doc.Value(i);
                doc.Use(i);
            }
        }

        // The call's name: the lines before the first heading that are none of the above.
        var callLines = new List<string>();
        for (var i = 0; i < doc.Count && !IsHeading(doc[i].Trim()); i++)
        {
            if (!doc.IsUsed(i) && doc[i].Trim().Length > 0)
            {
                callLines.Add(doc[i].Trim());
                doc.Use(i);
            }
        }

        var start = Date(doc.ValueAfter("Hankkeen alkamisaika"), "ImportNoStartDate", warnings);
        var end = Date(doc.ValueAfter("Hankkeen päättymisaika"), "ImportNoEndDate", warnings);
        if (start is not null && end is not null && end < start)
        {
            warnings.Add(text("ImportEndBeforeStart"));
        }

        var focusAt = doc.Find(l => l.StartsWith("Mihin painopisteeseen", StringComparison.OrdinalIgnoreCase));
        var focus = focusAt >= 0 ? doc.Value(focusAt) : null;
        var otherPartnersAt = doc.Find(l => l.StartsWith("Muut yhteistyökumppanit", StringComparison.OrdinalIgnoreCase));
        return new ProjectPart(name, decisionNumber, start, end, focus, doc.ValueAfter("Hankkeen asiointikieli"))
        {
            CallName = callLines.Count == 0 ? null : string.Join(' ', callLines),
            CallCaseNumber = caseNumber,
            CallPeriod = period,
            JointProject = YesNo(doc.ValueAfter("Onko kyseessä yhteishanke")),
            OtherPartners = otherPartnersAt >= 0 ? doc.TextAfter(otherPartnersAt) : null,
        };
    }

    /// <summary>The applicant ("Hakijan tiedot"): the organisation with its contact, and its
    /// facts for the plan. Bank details are read only to be dropped.</summary>
    private (List<OrganisationPart>, PlanPart) ReadApplicant(Doc doc, ProjectPart project, List<string> warnings, List<NotStoredPart> notStored)
    {
        var result = new List<OrganisationPart>();
        var plan = new PlanPart();
        var applicantAt = doc.Find(l => l.StartsWith("Hakija\t", StringComparison.Ordinal) || l.Trim() == "Hakija");
        if (applicantAt < 0 || doc.Cells(applicantAt) is not { } applicant)
        {
            warnings.Add(text("ImportNoApplicant"));
        }
        else
        {
            var name = applicant.Values[0];
            var businessId = CheckedBusinessId(doc.ValueAfter("Y-tunnus"), name, warnings);
            var contactAt = doc.Find(l => l.StartsWith("Yhteyshenkilö", StringComparison.Ordinal), applicantAt);
            string? contactName = null, contactEmail = null;
            if (contactAt >= 0 && doc.Cells(contactAt) is { } contact)
            {
                contactName = contact.Values[0].Length > 0 && !contact.Values[0].Contains('@', StringComparison.Ordinal) ? contact.Values[0] : null;
                contactEmail = contact.Values.FirstOrDefault(p => p.Contains('@', StringComparison.Ordinal));
            }

            if (contactEmail is null)
            {
                warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportNoContact"), name));
            }

            var guessed = contactName is null ? NameFromEmail(Email(contactEmail)) : null;
            result.Add(new OrganisationPart(name, businessId, "applicant", contactName ?? guessed, Email(contactEmail))
            {
                ContactNameGuessed = guessed is not null,
                Language = LanguageCode(project.Language),
            });

            var addressAt = doc.Find(l => l.StartsWith("Postiosoite", StringComparison.Ordinal));
            var address = addressAt >= 0 ? doc.Cells(addressAt) : null;
            plan = plan with
            {
                ApplicantEmail = Email(applicant.Values.Skip(1).FirstOrDefault(v => v.Contains('@', StringComparison.Ordinal))),
                OwnerType = doc.ValueAfter("Omistajatyyppi"),
                PostalAddress = address?.For("Postiosoite"),
                PostalCode = address?.For("Postinumero"),
                PostOffice = doc.ValueAfter("Postitoimipaikka"),
                Signatories = ReadSignatories(doc),
            };
        }

        var bankAt = doc.Find(l => l.StartsWith("Tilinumero", StringComparison.OrdinalIgnoreCase) || l.Contains("IBAN", StringComparison.Ordinal));
        if (bankAt >= 0)
        {
            // Read only to be dropped: the label and the value line under it, whatever it holds.
            doc.Use(bankAt);
            if (doc.NextNonEmptyAt(bankAt) is { } value)
            {
                doc.Use(value);
            }

            notStored.Add(new NotStoredPart(doc.SectionOf(bankAt), "bankDetails", null));
        }

        return (result, plan);
    }

    /// <summary>"1 Allekirjoitusoikeuden omaava henkilö / Sähköposti", then one person a line
    /// (numbered from the second on), as long as lines hold an address.</summary>
    private static List<SignatoryPart> ReadSignatories(Doc doc)
    {
        var result = new List<SignatoryPart>();
        var at = doc.Find(l => SignatoryLabel().IsMatch(l.Trim()));
        if (at < 0)
        {
            return result;
        }

        doc.Use(at);
        for (var i = at + 1; i < doc.Count; i++)
        {
            var line = doc[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (SignatoryLabel().IsMatch(line))
            {
                doc.Use(i);
                continue;
            }

            if (!line.Contains('@', StringComparison.Ordinal) || IsHeading(line))
            {
                break;
            }

            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            var name = PartnerNumber().Replace(cells[0], "").Trim();
            var email = Email(cells.FirstOrDefault(c => c.Contains('@', StringComparison.Ordinal)));
            if (name.Length > 0 && !name.Contains('@', StringComparison.Ordinal))
            {
                result.Add(new SignatoryPart(name, email));
            }

            doc.Use(i);
        }

        return result;
    }

    /// <summary>"1 Hankkeen yhteistyökumppanit / Yhteyshenkilön sähköposti", then one partner a line
    /// (the first without its number) until the next heading.</summary>
    private List<OrganisationPart> ReadPartners(Doc doc, List<string> warnings)
    {
        var result = new List<OrganisationPart>();
        var partnersAt = doc.Find(l => l.Contains("yhteistyökumppanit\t", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Muut", StringComparison.Ordinal));
        if (partnersAt < 0)
        {
            return result;
        }

        doc.Use(partnersAt);
        for (var i = partnersAt + 1; i < doc.Count; i++)
        {
            var line = doc[i].Trim();
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

            doc.Use(i);
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
            var guessed = NameFromEmail(Email(email));
            result.Add(new OrganisationPart(name, CheckedBusinessId(businessId, name, warnings), "partner", guessed, Email(email)) { ContactNameGuessed = guessed is not null });
        }

        return result;
    }

    /// <summary>The organisations' own parts, in a section of their own ("YHTEISTYÖKUMPPANEIDEN
    /// TYÖSUUNNITELMAT"): per organisation "Yhteistyökumppani" and its name, then optionally
    /// "Y-tunnus", "Asiointikieli", "Työsuunnitelma", "Indikaattorit" (a table of indicator and
    /// target) and "Kustannusarvio" (a table like the budget's). A stated language or business ID
    /// completes the organisation read from the partner list.</summary>
    private List<PartnerPlanPart> ReadPartnerPlans(Doc doc, List<OrganisationPart> organisations, List<string> warnings)
    {
        var result = new List<PartnerPlanPart>();
        for (var i = 0; i < doc.Count; i++)
        {
            if (!doc.InPartnerPart(i) || !PartnerLabels.Contains(doc[i].Trim()))
            {
                continue;
            }

            var end = i + 1;
            while (end < doc.Count && doc.InPartnerPart(end) && !PartnerLabels.Contains(doc[end].Trim()))
            {
                end++;
            }

            var name = doc.Value(i);
            if (name is null)
            {
                continue;
            }

            string? Label(string label)
            {
                var at = doc.Find(l => l.Trim() == label, i + 1, end, partnerPart: true);
                return at < 0 ? null : doc.Value(at);
            }

            var language = LanguageCode(Label("Asiointikieli") ?? Label("Kieli"));
            var businessId = CheckedBusinessId(Label("Y-tunnus"), name, warnings);
            var workPlanAt = doc.Find(l => l.Trim() == "Työsuunnitelma", i + 1, end, partnerPart: true);
            var workPlan = workPlanAt >= 0 ? doc.TextAfter(workPlanAt, end) : null;
            var indicators = new List<IndicatorPart>();
            var indicatorsAt = doc.Find(l => l.Trim() == "Indikaattorit", i + 1, end, partnerPart: true);
            if (indicatorsAt >= 0)
            {
                doc.Use(indicatorsAt);
                for (var j = indicatorsAt + 1; j < end && !PartnerBlockLabels.Contains(doc[j].Trim()); j++)
                {
                    var cells = doc[j].Split('\t', StringSplitOptions.TrimEntries);
                    if (cells[0].Length == 0 || (indicators.Count == 0 && cells.Length > 1 && cells[0].Equals("Indikaattori", StringComparison.OrdinalIgnoreCase)))
                    {
                        doc.Use(j);
                        continue;
                    }

                    indicators.Add(new IndicatorPart(cells[0], cells.Length > 1 && cells[1].Length > 0 ? cells[1] : null));
                    doc.Use(j);
                }
            }

            var budget = new List<BudgetLinePart>();
            var budgetAt = doc.Find(l => l.Trim() == "Kustannusarvio", i + 1, end, partnerPart: true);
            if (budgetAt >= 0)
            {
                doc.Use(budgetAt);
                var header = doc.Find(l => l.StartsWith("Menot\t", StringComparison.Ordinal), budgetAt, end, partnerPart: true);
                if (header >= 0)
                {
                    (budget, _) = ReadBudgetTable(doc, header, end, warnings);
                }
            }

            var index = organisations.FindIndex(o => Same(o.Name, name));
            if (index < 0)
            {
                warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportPartnerPlanUnknown"), name));
            }
            else
            {
                organisations[index] = organisations[index] with
                {
                    Language = language ?? organisations[index].Language,
                    BusinessId = organisations[index].BusinessId ?? businessId,
                };
            }

            result.Add(new PartnerPlanPart(name, language, workPlan, indicators, budget));
            i = end - 1;
        }

        return result;
    }

    private List<GoalPart> ReadGoals(Doc doc, List<string> warnings)
    {
        var goals = new List<GoalPart>();
        for (var i = 0; i < doc.Count; i++)
        {
            if (doc[i].Trim() != "Tavoite" || doc.InPartnerPart(i))
            {
                continue;
            }

            doc.Use(i);
            if (doc.PreviousNonEmpty(i) is { } number && GoalNumber().IsMatch(doc[number].Trim()))
            {
                doc.Use(number);
            }

            var parts = new Dictionary<string, StringBuilder>
            {
                ["Tavoite"] = new(), ["Toiminta"] = new(), ["Tulos"] = new(), ["Seuranta"] = new(),
            };
            var current = "Tavoite";
            var j = i + 1;
            for (; j < doc.Count; j++)
            {
                var line = doc[j].Trim();
                if (line is "Tavoite" || IsHeading(line) || line.EndsWith('?') || IsDateLabel(line) || doc.InPartnerPart(j)
                    || (GoalNumber().IsMatch(line) && j + 2 < doc.Count && doc.NextNonEmpty(j) == "Tavoite"))
                {
                    break;
                }

                doc.Use(j);
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

    private BudgetPart ReadBudget(Doc doc, List<string> warnings)
    {
        var budgetLines = new List<BudgetLinePart>();
        decimal? total = null;
        var header = doc.Find(l => l.StartsWith("Menot\t", StringComparison.Ordinal));
        if (header >= 0)
        {
            (budgetLines, total) = ReadBudgetTable(doc, header, doc.Count, warnings);
        }

        var grant = doc.AmountOnLine(l => l.Contains("myöntämä avustus", StringComparison.OrdinalIgnoreCase))
            ?? doc.AmountOnLine(l => l.StartsWith("Haettu avustus yhteensä", StringComparison.OrdinalIgnoreCase));
        var own = doc.AmountOnLine(l => l.StartsWith("Omarahoitus\t", StringComparison.Ordinal));

        // Figures the form computes from the others: read, not kept.
        doc.AmountOnLine(l => l.StartsWith("Omarahoitusprosentti", StringComparison.OrdinalIgnoreCase));
        doc.AmountOnLine(l => l.StartsWith("Rahoitettavaa jää", StringComparison.OrdinalIgnoreCase));
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

        return new BudgetPart(total, grant, own, budgetLines)
        {
            GrantByFocusArea = ReadGrantByFocusArea(doc),
            OtherFinancing = ReadOtherFinancing(doc),
            VatIncluded = YesNo(doc.ValueAfter("Onko kustannukset ilmoitettu arvonlisäverollisina")),
        };
    }

    /// <summary>"Menot / Selite, lyhyt kuvaus / Yhteensä €" rows up to "Menot yhteensä".</summary>
    private (List<BudgetLinePart> Lines, decimal? Total) ReadBudgetTable(Doc doc, int header, int end, List<string> warnings)
    {
        var lines = new List<BudgetLinePart>();
        doc.Use(header);
        for (var i = header + 1; i < end; i++)
        {
            var cells = doc[i].Split('\t', StringSplitOptions.TrimEntries);
            if (cells[0].Length == 0 && cells.Length == 1)
            {
                continue;
            }

            if (cells[0].StartsWith("Menot yhteensä", StringComparison.OrdinalIgnoreCase))
            {
                doc.Use(i);
                return (lines, LastAmount(cells));
            }

            if (IsHeading(cells[0]) || PartnerBlockLabels.Contains(cells[0]) || doc.InPartnerPart(i) != doc.InPartnerPart(header))
            {
                break;
            }

            doc.Use(i);
            if (LastAmount(cells) is { } amount)
            {
                lines.Add(new BudgetLinePart(cells[0], amount) { Description = cells.Length > 2 && cells[1].Length > 0 ? cells[1] : null });
            }
            else
            {
                warnings.Add(string.Format(CultureInfo.CurrentCulture, text("ImportBudgetLineUnreadable"), cells[0], cells.Length > 1 ? cells[^1] : ""));
            }
        }

        return (lines, null);
    }

    /// <summary>"Haettu avustus painopistealueittain": focus area and amount a line, up to "Yhteensä".</summary>
    private static List<GrantSharePart> ReadGrantByFocusArea(Doc doc)
    {
        var result = new List<GrantSharePart>();
        var at = doc.Find(l => l.StartsWith("Haettu avustus painopistealueittain", StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            return result;
        }

        doc.Use(at);
        for (var i = at + 1; i < doc.Count; i++)
        {
            var cells = doc[i].Split('\t', StringSplitOptions.TrimEntries);
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            if (IsHeading(cells[0]) || doc.InPartnerPart(i))
            {
                break;
            }

            if (cells[0].Length == 0)
            {
                doc.Use(i); // the table's header "Haettu avustus (€)"
                continue;
            }

            if (LastAmount(cells) is not { } amount)
            {
                break;
            }

            doc.Use(i);
            if (cells[0].StartsWith("Yhteensä", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            result.Add(new GrantSharePart(cells[0], amount));
        }

        return result;
    }

    /// <summary>The lines of "TULOT" and "HANKKEEN MUU RAHOITUS" (sums left out: they follow).</summary>
    private static List<FinancingLinePart> ReadOtherFinancing(Doc doc)
    {
        var result = new List<FinancingLinePart>();
        for (var i = 0; i < doc.Count; i++)
        {
            var section = doc.SectionOf(i);
            if (doc.IsUsed(i) || doc.InPartnerPart(i) || !(section == "TULOT" || section.Contains("MUU RAHOITUS", StringComparison.Ordinal)))
            {
                continue;
            }

            var cells = doc[i].Split('\t', StringSplitOptions.TrimEntries);
            if (cells.Length < 2 || LastAmount(cells) is not { } amount)
            {
                continue;
            }

            doc.Use(i);
            if (cells[0].Length > 0 && !cells[0].Contains("yhteensä", StringComparison.OrdinalIgnoreCase))
            {
                result.Add(new FinancingLinePart(cells[0], amount));
            }
        }

        return result;
    }

    /// <summary>The plan's texts: known labels and questions to their fields, any other question
    /// with its answer to <see cref="PlanPart.OtherAnswers"/>.</summary>
    private PlanPart ReadPlan(Doc doc, PlanPart plan)
    {
        string? Text(string label) => doc.Find(l => l.Trim() == label) is var at and >= 0 ? doc.TextAfter(at) : null;

        plan = plan with { Summary = Text("Hanke pähkinänkuoressa"), TargetGroups = Text("Hankkeen kohderyhmät") };
        var instruction = doc.Find(l => l.StartsWith("Yksilöi painopisteittäin", StringComparison.OrdinalIgnoreCase));
        if (instruction >= 0)
        {
            doc.Use(instruction);
        }

        var attachmentsAt = doc.Find(l => l.Trim() == "Liitteet");
        if (attachmentsAt >= 0)
        {
            doc.Use(attachmentsAt);
            var names = new List<string>();
            for (var i = attachmentsAt + 1; i < doc.Count && !IsHeading(doc[i].Trim()) && !doc.InPartnerPart(i); i++)
            {
                if (doc[i].Trim().Length > 0)
                {
                    names.Add(MarkdownLink().Replace(doc[i].Trim(), "$1"));
                    doc.Use(i);
                }
            }

            plan = plan with { Attachments = names.Count == 0 ? null : string.Join('\n', names) };
        }

        // "VALTAKUNNALLINEN KOORDINAATIO": the form's explanation, then yes or no.
        for (var i = 0; i < doc.Count; i++)
        {
            if (doc.SectionOf(i).Contains("KOORDINAATIO", StringComparison.Ordinal) && YesNo(doc[i].Trim()) is { } yes)
            {
                plan = plan with { NationalCoordination = yes };
                for (var j = i; j >= 0 && doc.SectionOf(j) == doc.SectionOf(i); j--)
                {
                    doc.Use(j);
                }

                break;
            }
        }

        var answers = new List<AnswerPart>();
        for (var i = 0; i < doc.Count; i++)
        {
            var line = doc[i].Trim();
            if (doc.IsUsed(i) || doc.InPartnerPart(i) || !line.EndsWith('?'))
            {
                continue;
            }

            var answer = doc.TextAfter(i);
            if (answer is null)
            {
                continue;
            }

            var lower = line.ToLowerInvariant();
            if (lower.Contains("tarve", StringComparison.Ordinal) && plan.Need is null)
            {
                plan = plan with { Need = answer };
            }
            else if (lower.Contains("aiempien", StringComparison.Ordinal) && plan.PreviousWork is null)
            {
                plan = plan with { PreviousWork = answer };
            }
            else if ((lower.Contains("tasa-arvo", StringComparison.Ordinal) || lower.Contains("yhdenvertaisuu", StringComparison.Ordinal)) && plan.Equality is null)
            {
                plan = plan with { Equality = answer };
            }
            else if ((lower.Contains("käyttöönot", StringComparison.Ordinal) || lower.Contains("levit", StringComparison.Ordinal)) && plan.Uptake is null)
            {
                plan = plan with { Uptake = answer };
            }
            else if (lower.Contains("osallist", StringComparison.Ordinal) && plan.Involvement is null)
            {
                plan = plan with { Involvement = answer };
            }
            else
            {
                answers.Add(new AnswerPart(line, answer));
            }
        }

        return plan with { OtherAnswers = answers };
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

    /// <summary>"fi" or "sv" from a language as the form writes it (Finnish or Swedish words); null otherwise.</summary>
    public static string? LanguageCode(string? language)
    {
        var value = language?.Trim().ToLowerInvariant();
        return value switch
        {
            null or "" => null,
            _ when value.StartsWith("suomi", StringComparison.Ordinal) || value.StartsWith("finsk", StringComparison.Ordinal) || value.StartsWith("finska", StringComparison.Ordinal) || value == "fi" => "fi",
            _ when value.StartsWith("ruotsi", StringComparison.Ordinal) || value.StartsWith("svensk", StringComparison.Ordinal) || value == "sv" => "sv",
            _ => null,
        };
    }

    private static bool? YesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "kyllä" or "ja" or "yes" => true,
        "ei" or "nej" or "no" => false,
        _ => null,
    };

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static decimal? LastAmount(string[] cells)
        => cells.Length < 2 ? null : FormReader.ParseAmount(cells[^1]);

    private static string? Email(string? value)
        => value is not null && EmailShape().Match(value) is { Success: true } m ? m.Value.ToLowerInvariant() : null;

    /// <summary>"maija.meikalainen@..." → "Maija Meikalainen": a guess, flagged as one in the
    /// preview and on the person.</summary>
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

    /// <summary>An all-capitals section heading of the form (HANKETIEDOT, TALOUSARVIO...): one
    /// cell, no digits (a masked number or a BIC code on a value line is none).</summary>
    private static bool IsHeading(string line)
        => line.Length >= 4 && !line.Any(char.IsDigit) && !line.Contains('\t', StringComparison.Ordinal) && !line.Contains(Mask, StringComparison.Ordinal)
            && line.Any(char.IsLetter) && line.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>The heading of the organisations' own parts.</summary>
    private static bool IsPartnerHeading(string heading)
        => heading.StartsWith("YHTEISTYÖKUMPPANEIDEN", StringComparison.Ordinal) || heading.StartsWith("OSATOTEUT", StringComparison.Ordinal);

    /// <summary>Where a text answer ends: the next heading, label, question or goal.</summary>
    private static bool EndsText(Doc doc, int i)
    {
        var line = doc[i].Trim();
        return IsHeading(line) || line.EndsWith('?') || IsDateLabel(line) || KnownLabels.Contains(line) || PartnerBlockLabels.Contains(line)
            || line.StartsWith("Yksilöi painopisteittäin", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Mihin painopisteeseen", StringComparison.OrdinalIgnoreCase)
            || (GoalNumber().IsMatch(line) && doc.NextNonEmpty(i) == "Tavoite");
    }

    [GeneratedRegex(@"^(Asianumero|Diaarinumero|Hakemuksen diaarinumero)\s*:?\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"^(Päätösnumero|Päätöksen numero|Rahoituspäätöksen numero|Päätöksen diaarinumero)\s*:?\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionNumber();

    [GeneratedRegex(@"^\d{0,2}\s*Allekirjoitusoikeuden omaava henkilö", RegexOptions.IgnoreCase)]
    private static partial Regex SignatoryLabel();

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

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    /// <summary>A Finnish personal identity number (henkilötunnus): birth date, century sign,
    /// individual number, check character.</summary>
    [GeneratedRegex(@"\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+ABCDEFUVWXY]\d{3}[0-9A-Y]\b")]
    private static partial Regex PersonalIdentityNumber();

    /// <summary>An IBAN, written whole or in groups of four.</summary>
    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")]
    private static partial Regex Iban();

    /// <summary>The application's lines, which of them were used, and the section each is in.</summary>
    private sealed class Doc
    {
        private readonly List<string> _lines;
        private readonly bool[] _used;
        private readonly string[] _section;
        private readonly bool[] _partnerPart;

        public Doc(List<string> lines)
        {
            _lines = lines;
            _used = new bool[lines.Count];
            _section = new string[lines.Count];
            _partnerPart = new bool[lines.Count];
            var section = "";
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i].Trim();
                if (IsHeading(line))
                {
                    section = line;
                    _used[i] = true;
                }

                _section[i] = section;
                _partnerPart[i] = IsPartnerHeading(section);
            }
        }

        public int Count => _lines.Count;

        public string this[int i] => _lines[i];

        public bool IsUsed(int i) => _used[i];

        public void Use(int i) => _used[i] = true;

        public bool InPartnerPart(int i) => _partnerPart[i];

        public string SectionOf(int i) => _section[i];

        /// <summary>Masks bank account and personal identity numbers in every line, before any
        /// reading, and says in which sections it did.</summary>
        public List<NotStoredPart> MaskSecrets()
        {
            var found = new List<NotStoredPart>();
            var ids = new Dictionary<string, int>();
            for (var i = 0; i < _lines.Count; i++)
            {
                var masked = PersonalIdentityNumber().Replace(_lines[i], _ =>
                {
                    ids[_section[i]] = ids.GetValueOrDefault(_section[i]) + 1;
                    return Mask;
                });
                var bank = false;
                masked = Iban().Replace(masked, _ =>
                {
                    bank = true;
                    return Mask;
                });
                if (bank && !found.Any(f => f.Kind == "bankDetails" && f.Section == _section[i]))
                {
                    found.Add(new NotStoredPart(_section[i], "bankDetails", null));
                }

                _lines[i] = masked;
            }

            found.AddRange(ids.Select(x => new NotStoredPart(x.Key, "personalIdentityNumber", x.Value.ToString(CultureInfo.InvariantCulture))));
            return found;
        }

        /// <summary>The first line from <paramref name="from"/> that matches, in the main part or
        /// (with <paramref name="partnerPart"/>) the organisations' part; -1 if none.</summary>
        public int Find(Func<string, bool> match, int from = 0, int? to = null, bool partnerPart = false)
        {
            for (var i = Math.Max(0, from); i < (to ?? _lines.Count); i++)
            {
                if (_partnerPart[i] == partnerPart && match(_lines[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The first non-empty line after the label at <paramref name="at"/> (within three
        /// lines, not a heading), first cell; both lines become used.</summary>
        public string? Value(int at)
        {
            _used[at] = true;
            for (var i = at + 1; i < _lines.Count && i <= at + 3; i++)
            {
                var line = _lines[i].Trim();
                if (line.Length > 0)
                {
                    if (IsHeading(line))
                    {
                        return null;
                    }

                    _used[i] = true;
                    return line.Split('\t')[0].Trim() is { Length: > 0 } value ? value : null;
                }
            }

            return null;
        }

        /// <summary>The value after the first line of the main part that starts with <paramref name="label"/>.</summary>
        public string? ValueAfter(string label)
        {
            var at = Find(l => l.Trim().StartsWith(label, StringComparison.OrdinalIgnoreCase));
            return at < 0 ? null : Value(at);
        }

        /// <summary>A table row of labels ("Postiosoite / Postinumero") and the values under them.</summary>
        public Row? Cells(int at)
        {
            _used[at] = true;
            var labels = _lines[at].Split('\t', StringSplitOptions.TrimEntries);
            for (var i = at + 1; i < _lines.Count && i <= at + 3; i++)
            {
                var line = _lines[i].Trim();
                if (line.Length > 0)
                {
                    if (IsHeading(line))
                    {
                        return null;
                    }

                    _used[i] = true;
                    return new Row(labels, line.Split('\t', StringSplitOptions.TrimEntries));
                }
            }

            return null;
        }

        /// <summary>The paragraphs after the label or question at <paramref name="at"/> up to the
        /// next heading, label, question or goal; null when there are none.</summary>
        public string? TextAfter(int at, int? end = null)
        {
            _used[at] = true;
            var paragraphs = new List<string>();
            for (var i = at + 1; i < (end ?? _lines.Count) && _partnerPart[i] == _partnerPart[at] && !EndsText(this, i); i++)
            {
                if (_lines[i].Trim().Length > 0)
                {
                    paragraphs.Add(_lines[i].Trim());
                }

                _used[i] = true;
            }

            return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
        }

        public decimal? AmountOnLine(Func<string, bool> match)
        {
            var at = Find(match);
            if (at < 0)
            {
                return null;
            }

            _used[at] = true;
            return _lines[at].Split('\t', StringSplitOptions.TrimEntries).Skip(1).Select(FormReader.ParseAmount).FirstOrDefault(a => a is not null);
        }

        public string? NextNonEmpty(int at)
            => _lines.Skip(at + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

        public int? NextNonEmptyAt(int at)
        {
            for (var i = at + 1; i < _lines.Count; i++)
            {
                if (_lines[i].Trim().Length > 0)
                {
                    return i;
                }
            }

            return null;
        }

        public int? PreviousNonEmpty(int at)
        {
            for (var i = at - 1; i >= 0; i--)
            {
                if (_lines[i].Trim().Length > 0)
                {
                    return i;
                }
            }

            return null;
        }

        /// <summary>The non-empty lines nothing used, by section.</summary>
        public IEnumerable<(string Section, string Line)> Unread()
        {
            for (var i = 0; i < _lines.Count; i++)
            {
                if (!_used[i] && _lines[i].Trim().Length > 0)
                {
                    var line = _lines[i].Trim().Replace('\t', ' ');
                    yield return (_section[i], line.Length > 200 ? line[..200] + "…" : line);
                }
            }
        }
    }

    private sealed record Row(string[] Labels, string[] Values)
    {
        /// <summary>The value under the label that starts with <paramref name="label"/>.</summary>
        public string? For(string label)
        {
            var index = Array.FindIndex(Labels, l => l.StartsWith(label, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && index < Values.Length && Values[index].Length > 0 ? Values[index] : null;
        }
    }
}

namespace Coordination.Membership.Data;

/// <summary>A project's plan as its funding application states it, kept under the funder's field
/// names so a manager can copy it into the funder's reports. Filled by the import, edited by the
/// project's managers. Bank details and personal identity numbers are never kept.</summary>
internal sealed class ProjectPlan
{
    public Guid ProjectId { get; set; }

    // The call ("Haku")

    public string? CallName { get; set; }

    /// <summary>The call's case number ("Asianumero"); not the funding decision's number.</summary>
    public string? CallCaseNumber { get; set; }

    /// <summary>"Hakuaika" as the application states it.</summary>
    public string? CallPeriod { get; set; }

    // The applicant ("Hakijan tiedot")

    /// <summary>"Hakijan virallinen sähköpostiosoite".</summary>
    public string? ApplicantEmail { get; set; }

    /// <summary>"Omistajatyyppi" as written in the application.</summary>
    public string? OwnerType { get; set; }

    public string? PostalAddress { get; set; }

    public string? PostalCode { get; set; }

    public string? PostOffice { get; set; }

    /// <summary>"Allekirjoitusoikeuden omaava henkilö" (one or more).</summary>
    public List<PlanSignatory> Signatories { get; set; } = [];

    // The project ("Hanketiedot")

    /// <summary>"Mihin painopisteeseen/painopisteisiin hankkeen kehittämistyö kohdistuu?"</summary>
    public string? FocusAreas { get; set; }

    /// <summary>"Hankkeen asiointikieli" as written.</summary>
    public string? LanguageOfBusiness { get; set; }

    /// <summary>"Onko kyseessä yhteishanke".</summary>
    public bool? JointProject { get; set; }

    /// <summary>"Muut yhteistyökumppanit".</summary>
    public string? OtherPartners { get; set; }

    // The plan ("Hankesuunnitelma")

    /// <summary>"Hanke pähkinänkuoressa".</summary>
    public string? Summary { get; set; }

    /// <summary>The need and knowledge base of the development work.</summary>
    public string? Need { get; set; }

    /// <summary>How earlier and ongoing projects' practices and results are used.</summary>
    public string? PreviousWork { get; set; }

    /// <summary>"Hankkeen kohderyhmät".</summary>
    public string? TargetGroups { get; set; }

    /// <summary>How leadership, staff, students and other stakeholders are involved.</summary>
    public string? Involvement { get; set; }

    /// <summary>How equality and non-discrimination are advanced.</summary>
    public string? Equality { get; set; }

    /// <summary>How the uptake and dissemination of the results is supported.</summary>
    public string? Uptake { get; set; }

    /// <summary>Questions of the application that have no field of their own, with their answers.</summary>
    public List<PlanAnswer> OtherAnswers { get; set; } = [];

    /// <summary>"Valtakunnallinen koordinaatio": the applicant would also coordinate the network.</summary>
    public bool? NationalCoordination { get; set; }

    /// <summary>"Liitteet": the names of the attachments (their content is not in the text form).</summary>
    public string? Attachments { get; set; }

    // The budget ("Talousarvio"); the lines are BudgetLines.

    /// <summary>"Onko kustannukset ilmoitettu arvonlisäverollisina?"</summary>
    public bool? VatIncluded { get; set; }

    /// <summary>"Haettu avustus painopistealueittain".</summary>
    public List<PlanGrantShare> GrantByFocusArea { get; set; } = [];

    /// <summary>"Tulot" and "Hankkeen muu rahoitus" lines.</summary>
    public List<PlanFinancingLine> OtherFinancing { get; set; } = [];

    /// <summary>Each organisation's own part: work plan and indicators (budget lines are BudgetLines
    /// with the organisation's id).</summary>
    public List<PartnerPlan> Partners { get; set; } = [];

    public DateTime? ImportedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}

internal sealed record PlanSignatory(string Name, string? Email);

internal sealed record PlanAnswer(string Question, string Answer);

internal sealed record PlanGrantShare(string FocusArea, decimal Amount);

internal sealed record PlanFinancingLine(string Label, decimal Amount);

internal sealed record PartnerPlan(Guid OrganisationId, string? WorkPlan, List<PlanIndicator> Indicators);

/// <summary>An indicator an organisation set for its own part, with its target as written ("300", "80 %").</summary>
internal sealed record PlanIndicator(string Name, string? Target);

/// <summary>What the plan's columns hold (the import cuts longer texts and says so).</summary>
internal static class ProjectPlanLimits
{
    /// <summary>A text answer of the plan, a work plan.</summary>
    public const int Text = 8000;

    /// <summary>A call's name, focus areas, other partners, attachments.</summary>
    public const int Long = 2000;

    /// <summary>Short facts: owner type, period, address, language, indicator names.</summary>
    public const int Short = 200;
}

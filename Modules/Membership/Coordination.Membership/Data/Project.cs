namespace Coordination.Membership.Data;

/// <summary>A funded development project that belongs to a network.</summary>
internal sealed class Project
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Acronym { get; set; }

    public string? FundingDecisionNumber { get; set; }

    public Guid LeadOrganisationId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public decimal GrantedAmount { get; set; }

    public decimal OwnFinancing { get; set; }

    public ProjectStatus Status { get; set; }

    /// <summary>Set when <c>ProjectEnded</c> was published, so it is published once.</summary>
    public DateTime? EndedAt { get; set; }

    public List<ProjectPartner> Partners { get; set; } = [];

    public List<Guid> ThemeIds { get; set; } = [];

    public List<BudgetLine> Budget { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>Own financing as a share of the whole (grant + own), in per cent; null when both are zero.</summary>
    public static decimal? OwnShare(decimal granted, decimal own)
        => granted + own == 0 ? null : Math.Round(own * 100m / (granted + own), 1);
}

internal enum ProjectStatus
{
    Planned,
    Active,
    Ended,
    Interrupted,
}

/// <summary>A partner organisation of a project (the lead is not listed here).</summary>
internal sealed class ProjectPartner
{
    public Guid ProjectId { get; set; }

    public Guid OrganisationId { get; set; }
}

/// <summary>A line of the approved budget by cost category (from an imported application): the
/// whole project's, or one organisation's own budget where the application gives it.</summary>
internal sealed class BudgetLine
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>Null for the project's budget; else the organisation whose budget this line is.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Order of the line in the application.</summary>
    public int Position { get; set; }

    public string Category { get; set; } = "";

    /// <summary>"Selite, lyhyt kuvaus".</summary>
    public string? Description { get; set; }

    public decimal Amount { get; set; }
}

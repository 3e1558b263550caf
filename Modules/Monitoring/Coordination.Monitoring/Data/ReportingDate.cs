namespace Coordination.Monitoring.Data;

internal enum ReportKind
{
    /// <summary>Väliselvitys.</summary>
    Interim,

    /// <summary>Loppuselvitys.</summary>
    Final,
}

/// <summary>A report the funder expects from a project by a date it set (Monitoring's own data).</summary>
internal sealed class ReportingDate
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public ReportKind Kind { get; set; }

    public DateOnly DueDate { get; set; }

    public string? Note { get; set; }

    /// <summary>When the project sent the report to the funder; null while it has not.</summary>
    public DateOnly? SubmittedOn { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A reminder of a reporting date to one of the project's managers: claimed (written)
/// before the mail goes out and marked sent after, so each manager gets it once, also across
/// restarts and instances; a claim a crashed process left unsent is taken again after an hour.</summary>
internal sealed class ReportReminder
{
    public Guid ReportingDateId { get; set; }

    public Guid PersonId { get; set; }

    public DateTime ClaimedAt { get; set; }

    public DateTime? SentAt { get; set; }
}

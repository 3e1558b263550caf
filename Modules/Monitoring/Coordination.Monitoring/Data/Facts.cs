namespace Coordination.Monitoring.Data;

// Facts from other modules' events. Times are UTC instants; Month is the Helsinki calendar
// month (yyyymm) of an event's start, so monthly trends need no time-zone arithmetic in SQL.

/// <summary>A network, from Membership's <c>NetworkCreated</c>.</summary>
internal sealed class NetworkFact
{
    public Guid NetworkId { get; set; }

    public required string NameFi { get; set; }

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A project of a network (Membership's project events; the newest state wins).</summary>
internal sealed class ProjectFact
{
    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Acronym { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public DateTime? JoinedAt { get; set; }

    /// <summary>Time of the state kept: an older event does not overwrite a newer one.</summary>
    public DateTime UpdatedAt { get; set; }

    public DateTime? EndedAt { get; set; }
}

/// <summary>An organisation of a project (lead or partner), as the project events carry them.</summary>
internal sealed class ProjectOrganisationFact
{
    public Guid ProjectId { get; set; }

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public bool IsLead { get; set; }
}

/// <summary>A person of the directory: to know a signed-in user's projects and networks, and
/// whom to remind. Emptied when the person is erased.</summary>
internal sealed class PersonFact
{
    public Guid PersonId { get; set; }

    /// <summary>Lower-case.</summary>
    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public Guid? OrganisationId { get; set; }

    public string Language { get; set; } = "fi";

    public DateTime UpdatedAt { get; set; }

    public DateTime? ErasedAt { get; set; }
}

/// <summary>A role a person holds in a project or a network (Membership's role names).</summary>
internal sealed class PersonRoleFact
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public string Role { get; set; } = "";

    public Guid? ProjectId { get; set; }

    public Guid? NetworkId { get; set; }
}

/// <summary>An event that was held (Events' <c>EventHeld</c>).</summary>
internal sealed class HeldEventFact
{
    public Guid EventId { get; set; }

    public Guid NetworkId { get; set; }

    public string Type { get; set; } = "";

    public string TitleFi { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public int Month { get; set; }

    public DateTime HeldAt { get; set; }

    public int Participants { get; set; }
}

/// <summary>One person's attendance at a held event. AttendeeKey stands for the person without
/// their address (a hash of it; replaced when a directory person is erased), so unique people
/// can be counted; OrganisationKey is "id:…" for a directory organisation, "name:…" for one
/// written by a guest, null when none was given.</summary>
internal sealed class AttendanceFact
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string AttendeeKey { get; set; } = "";

    public Guid NetworkId { get; set; }

    public DateTime StartsAt { get; set; }

    public int Month { get; set; }

    public Guid? PersonId { get; set; }

    public string? OrganisationKey { get; set; }
}

/// <summary>An attendance counted for a project the attendee held a role in when the event was
/// held (an attendee with roles in two projects counts for both).</summary>
internal sealed class AttendanceProjectFact
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string AttendeeKey { get; set; } = "";

    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public DateTime StartsAt { get; set; }

    public Guid? PersonId { get; set; }
}

/// <summary>A survey that closed, with its response rate (Surveys' <c>SurveyClosed</c>).</summary>
internal sealed class SurveyFact
{
    public Guid SurveyId { get; set; }

    public Guid NetworkId { get; set; }

    public string TitleFi { get; set; } = "";

    public string? TitleSv { get; set; }

    public string? Template { get; set; }

    public Guid? EventId { get; set; }

    public bool Anonymous { get; set; }

    public int Invited { get; set; }

    public int Responses { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime ClosedAt { get; set; }
}

/// <summary>A model of the method bank (Dissemination's model events). FirstPublishedAt is its
/// first publication; Published its state now.</summary>
internal sealed class ModelFact
{
    public Guid ModelId { get; set; }

    public Guid NetworkId { get; set; }

    public Guid? ProjectId { get; set; }

    public string TitleFi { get; set; } = "";

    public string? TitleSv { get; set; }

    public DateTime? FirstPublishedAt { get; set; }

    public bool Published { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>The latest state of one wave of a model's follow-up (Surveys' ModelFollowedUp): the
/// use reported Months after its project ended.</summary>
internal sealed class ModelFollowUpFact
{
    public Guid ModelId { get; set; }

    public int Months { get; set; }

    public Guid NetworkId { get; set; }

    public Guid ProjectId { get; set; }

    public string Use { get; set; } = "";

    public int OrganisationsInUse { get; set; }

    public int Organisations { get; set; }

    public DateTime AnsweredAt { get; set; }

    public bool StillInUse => Use is "inUse" or "partly";
}

/// <summary>A completed review of a model (PeerReview's outcome events). Kind is peer or expert.</summary>
internal sealed class ModelReviewFact
{
    public Guid ModelId { get; set; }

    public Guid RoundId { get; set; }

    public string Kind { get; set; } = "";

    public string RoundName { get; set; } = "";

    public int Reviews { get; set; }

    public double? AverageScore { get; set; }

    public DateTime ReviewedAt { get; set; }
}

/// <summary>A newsletter issue that was sent (Dissemination's <c>NewsletterIssueSent</c>).</summary>
internal sealed class NewsletterIssueFact
{
    public Guid IssueId { get; set; }

    public string SubjectFi { get; set; } = "";

    public string? SubjectSv { get; set; }

    public int Recipients { get; set; }

    public int Failed { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>A newsletter subscription: confirmed, and perhaps ended (no address is kept).</summary>
internal sealed class SubscriptionFact
{
    public Guid SubscriptionId { get; set; }

    public string Language { get; set; } = "fi";

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? EndedAt { get; set; }
}

/// <summary>A published blog post or news item; ProjectId null for the network's own.</summary>
internal sealed class PostFact
{
    public Guid PostId { get; set; }

    public string Kind { get; set; } = "";

    public Guid? ProjectId { get; set; }

    public string TitleFi { get; set; } = "";

    public string? TitleSv { get; set; }

    public DateTime PublishedAt { get; set; }
}

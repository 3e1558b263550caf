using Coordination.Shared.Data;

namespace Coordination.Events.Data;

/// <summary>A meeting, development day, seminar... of a network. Times are UTC; pages show them
/// in Europe/Helsinki.</summary>
internal sealed class Event
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    /// <summary>The project of the network the event belongs to, if any: a steering-group event
    /// of a project is for that project's steering group (as well as the network's).</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>Set for the occurrences of a recurring series.</summary>
    public Guid? SeriesId { get; set; }

    public EventType Type { get; set; }

    public LocalizedText Title { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Description { get; set; } = new();

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Place { get; set; }

    /// <summary>Shown only to registered people (and organisers).</summary>
    public string? OnlineLink { get; set; }

    public EventAudience Audience { get; set; }

    /// <summary>Null: no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>Seats taken; raised only by a conditional UPDATE so capacity is never exceeded.</summary>
    public int RegisteredCount { get; set; }

    public DateTime? RegistrationOpensAt { get; set; }

    public DateTime? RegistrationClosesAt { get; set; }

    public string? Organiser { get; set; }

    public string? OrganiserUserId { get; set; }

    /// <summary>The organiser wants the attendees asked for feedback when the event is held.</summary>
    public bool FeedbackSurvey { get; set; }

    public List<string> Themes { get; set; } = [];

    /// <summary>The agenda (Markdown), shown to those who may see the event.</summary>
    public string? Agenda { get; set; }

    public List<EventMaterial> Materials { get; set; } = [];

    public EventStatus Status { get; set; }

    /// <summary>iCalendar SEQUENCE: raised on each change that calendars must pick up.</summary>
    public int Sequence { get; set; }

    public DateTime? HeldAt { get; set; }

    /// <summary>When Surveys said the feedback survey got its first answer (EventFeedbackAnswered):
    /// from then on "marked held" cannot be taken back.</summary>
    public DateTime? FeedbackAnsweredAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal enum EventType
{
    NetworkMeeting,
    DevelopmentDay,
    ProjectManagerDay,
    DisseminationSeminar,
    Webinar,
    Workshop,
    RoundTable,
    SteeringGroup,
}

internal enum EventAudience
{
    Public,
    Network,
    ProjectManagers,

    /// <summary>The network's steering group (people with its steeringGroup role), the steering
    /// group of the event's project when it has one, and coordinators.</summary>
    SteeringGroup,
}

internal enum EventStatus
{
    Scheduled,
    Cancelled,
    Held,
}

/// <summary>A link to material shared after (or before) the event.</summary>
internal sealed class EventMaterial
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string Title { get; set; } = "";

    public string Url { get; set; } = "";
}

/// <summary>A person's place at an event (or in its waiting list).</summary>
internal sealed class Registration
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-case; one registration per address and event.</summary>
    public string Email { get; set; } = "";

    public string? Organisation { get; set; }

    /// <summary>Accessibility, diet and other needs.</summary>
    public string? Needs { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>Order in the waiting list (and of registering).</summary>
    public long Number { get; set; }

    /// <summary>SHA-256 of the personal cancel token (the token itself is only in the e-mail).</summary>
    public string CancelTokenHash { get; set; } = "";

    public string Language { get; set; } = "fi";

    public DateTime CreatedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public DateTime? ReminderSentAt { get; set; }

    public bool Attended { get; set; }

    /// <summary>Came without registering; marked by the organiser.</summary>
    public bool WalkIn { get; set; }
}

internal enum RegistrationStatus
{
    Registered,
    Waitlisted,
    Cancelled,
}

/// <summary>A theme a member wishes for a development day; members vote.</summary>
internal sealed class ThemeWish
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string Text { get; set; } = "";

    public string? ProposedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ThemeVote> Votes { get; set; } = [];
}

internal sealed class ThemeVote
{
    public Guid WishId { get; set; }

    public string UserId { get; set; } = "";

    public DateTime VotedAt { get; set; }
}

/// <summary>Events' copy of the networks (from Membership's NetworkCreated).</summary>
internal sealed class KnownNetwork
{
    public Guid NetworkId { get; set; }

    public string NameFi { get; set; } = "";

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>A person's secret calendar feed: the address carries <see cref="Id"/> protected with
/// the site's keys; deleting the row revokes every copy of the address.</summary>
internal sealed class CalendarFeed
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>Events' copy of a directory person's address (from Membership), so that an erasure
/// there can anonymise their registrations here, and their organisation and projects, which
/// <c>EventHeld</c> gives for each attendee found here.</summary>
internal sealed class KnownPerson
{
    public Guid PersonId { get; set; }

    public string Email { get; set; } = "";

    public Guid? OrganisationId { get; set; }

    /// <summary>The projects the person holds a role in.</summary>
    public List<Guid> ProjectIds { get; set; } = [];

    public string Name { get; set; } = "";

    public string Language { get; set; } = "fi";

    /// <summary>The networks whose steering group the person belongs to.</summary>
    public List<Guid> SteeringGroupNetworkIds { get; set; } = [];

    /// <summary>The projects whose steering group the person belongs to.</summary>
    public List<Guid> SteeringGroupProjectIds { get; set; } = [];
}

/// <summary>Events' copy of a network's projects (from Membership), for an event's project.</summary>
internal sealed class KnownProject
{
    public Guid ProjectId { get; set; }

    public Guid NetworkId { get; set; }

    public string Name { get; set; } = "";

    public string? Acronym { get; set; }

    /// <summary>"ACR – Name", or the name alone.</summary>
    public string Label => Acronym is { Length: > 0 } a ? $"{a} – {Name}" : Name;
}

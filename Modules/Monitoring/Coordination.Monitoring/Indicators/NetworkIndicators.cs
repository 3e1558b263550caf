namespace Coordination.Monitoring.Indicators;

/// <summary>Events held and attendances of one event type.</summary>
internal sealed record TypeCount(string Type, int Events, int Attendances);

/// <summary>A survey that closed in the period; ResponseRate is responses per invitation (0–1),
/// null when nobody was invited (an open link).</summary>
internal sealed record SurveyRow(Guid SurveyId, string TitleFi, string? TitleSv, string? Template, int Invited, int Responses, double? ResponseRate, DateTime ClosedAt);

/// <summary>A project's share of the network's activity in the period. Attendances are those of
/// people holding a role in the project; AttendanceShare is their part of all attendances (0–1;
/// someone with roles in two projects counts for both).</summary>
internal sealed record ProjectRow(
    Guid ProjectId,
    string Name,
    string? Acronym,
    int Attendances,
    int Participants,
    int EventsAttended,
    double AttendanceShare,
    int ModelsPublished,
    int ModelsPeerReviewed,
    int ModelsExpertReviewed,
    int Posts);

/// <summary>One calendar month of the period (Helsinki time).</summary>
internal sealed record MonthRow(int Year, int Month, int EventsHeld, int Attendances, int Participants, int ModelsPublished, int Surveys, int NewsletterIssues, int Posts);

/// <summary>The funder's indicators of one network for a period. Participants are unique people
/// (attendances count each event); organisations reached are unique organisations of those who
/// attended; projects reached those with at least one attendance. Newsletter figures are the
/// site's (one newsletter serves its networks); subscribers are those confirmed at the period's end.</summary>
internal sealed record NetworkIndicators(
    Guid NetworkId,
    string NetworkName,
    DateOnly From,
    DateOnly To,
    int EventsHeld,
    IReadOnlyList<TypeCount> EventsByType,
    int Attendances,
    int Participants,
    int OrganisationsReached,
    int ProjectsReached,
    int Projects,
    int Surveys,
    int SurveyInvitations,
    int SurveyResponses,
    double? SurveyResponseRate,
    IReadOnlyList<SurveyRow> SurveyList,
    int ModelsPublished,
    int ModelsPeerReviewed,
    int ModelsExpertReviewed,
    int NewsletterIssues,
    int NewsletterRecipients,
    int Subscribers,
    int NewSubscribers,
    int Posts,
    IReadOnlyList<ProjectRow> ByProject,
    IReadOnlyList<MonthRow> ByMonth,
    IReadOnlyList<FollowUpRow>? FollowUps = null);

/// <summary>Models of the network's ended projects followed up Months after the end (answered
/// by the period's end), and the share of them still in use (in use or partly).</summary>
internal sealed record FollowUpRow(int Months, int ModelsFollowedUp, int StillInUse, double? StillInUseShare);

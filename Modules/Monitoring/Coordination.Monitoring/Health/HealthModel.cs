namespace Coordination.Monitoring.Health;

/// <summary>The ten marks of a functioning network (seed 002, with seed 003's rotation, surveys
/// and shared memory), in the order they are shown.</summary>
internal static class MarkKeys
{
    public const string Rules = "rules";
    public const string Commitment = "commitment";
    public const string Tasks = "tasks";
    public const string Leadership = "leadership";
    public const string Coordination = "coordination";
    public const string Meetings = "meetings";
    public const string Goals = "goals";
    public const string Trust = "trust";
    public const string Knowledge = "knowledge";
    public const string Motivation = "motivation";

    public static readonly string[] All = [Rules, Commitment, Tasks, Leadership, Coordination, Meetings, Goals, Trust, Knowledge, Motivation];
}

internal static class MarkStatus
{
    public const string Ok = "ok";
    public const string Attention = "attention";
    public const string Missing = "missing";
}

/// <summary>One piece of evidence: what it is (Kind, a resource key Evidence_{Kind}), its name, the
/// page that proves it, and whether it counts for (Ok) or against the mark.</summary>
internal sealed record Evidence(string Kind, string Title, string Href, bool Ok, string? Detail = null);

/// <summary>A mark's status with its evidence and what to do next (Next is a resource key Next_{Next}; null when ok).</summary>
internal sealed record Mark(string Key, string Status, IReadOnlyList<Evidence> Evidence, string? Next);

internal sealed record ProjectHealth(Guid ProjectId, string Name, IReadOnlyList<Mark> Marks);

/// <summary>The checklist of a network and of each of its running projects, at a moment.</summary>
internal sealed record NetworkHealth(Guid NetworkId, DateTime At, IReadOnlyList<Mark> Marks, IReadOnlyList<ProjectHealth> Projects, MeetingMinutes? Minutes = null);

/// <summary>Meetings that leave minutes, beside (not part of) the meetings mark: of the network
/// meetings the mark counts (Held), how many have approved minutes; and per running project, how
/// many of the network's events held in the same months that belong to it have approved minutes
/// (only projects with one or more; Monitoring knows an event's project only from its minutes).</summary>
internal sealed record MeetingMinutes(int Held, int WithMinutes, IReadOnlyList<ProjectMinutes> Projects);

internal sealed record ProjectMinutes(Guid ProjectId, string Name, int WithMinutes);

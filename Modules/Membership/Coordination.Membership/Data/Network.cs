namespace Coordination.Membership.Data;

/// <summary>A network of development projects that a coordination project keeps alive.</summary>
internal sealed class Network
{
    public Guid Id { get; set; }

    public Shared.Data.LocalizedText Name { get; set; } = new();

    /// <summary>Markdown; Fi may be empty.</summary>
    public Shared.Data.LocalizedText Description { get; set; } = new();

    /// <summary>Lower-case Finnish name: two networks may not share it.</summary>
    public string NormalizedName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped on each edit; an edit made on an older version is refused.</summary>
    public int Version { get; set; }

    public NetworkPhase Phase { get; set; } = NetworkPhase.Forming;

    /// <summary>The funder's programme the network's projects are funded from.</summary>
    public string? FundingProgramme { get; set; }

    public List<NetworkTheme> Themes { get; set; } = [];

    public List<NetworkPhaseChange> PhaseChanges { get; set; } = [];

    public List<NetworkRules> Rules { get; set; } = [];

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}

internal enum NetworkPhase
{
    Forming,
    Active,
    OnHold,
    Closed,
}

/// <summary>One step of the network's life: when and by whom its phase changed.</summary>
internal sealed class NetworkPhaseChange
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public NetworkPhase Phase { get; set; }

    public string? Note { get; set; }

    public DateTime ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}

/// <summary>A theme of the network (fi/sv/en); projects, groups and models are tagged with them.</summary>
internal sealed class NetworkTheme
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public Shared.Data.LocalizedText Name { get; set; } = new();
}

/// <summary>A version of the network's agreed rules (Markdown). The newest is the current one.</summary>
internal sealed class NetworkRules
{
    public Guid Id { get; set; }

    public Guid NetworkId { get; set; }

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public DateTime PublishedAt { get; set; }

    public List<RulesAcceptance> Acceptances { get; set; } = [];
}

/// <summary>A partner organisation accepted a version of the rules: who for it, and when.</summary>
internal sealed class RulesAcceptance
{
    public Guid Id { get; set; }

    public Guid RulesId { get; set; }

    public Guid OrganisationId { get; set; }

    public string AcceptedBy { get; set; } = "";

    public DateOnly AcceptedOn { get; set; }

    public DateTime RecordedAt { get; set; }
}

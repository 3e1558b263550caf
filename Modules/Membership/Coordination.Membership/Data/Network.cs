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

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}

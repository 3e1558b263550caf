namespace Coordination.Membership.Data;

/// <summary>An organisation in the network: an education provider, company, association...</summary>
internal sealed class Organisation
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Finnish business ID (Y-tunnus) "1234567-8"; unique when given.</summary>
    public string? BusinessId { get; set; }

    public OrganisationType Type { get; set; }

    /// <summary>"fi" or "sv"; null until someone sets it (an application that does not state
    /// it leaves it to the coordinator rather than guessing Finnish).</summary>
    public string? Language { get; set; }

    public string? Municipality { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal enum OrganisationType
{
    EducationProvider,
    Company,
    Association,
    PublicBody,
    Other,
}

using Coordination.Shared.Data;

namespace Coordination.Dissemination.Data;

internal enum PostStatus
{
    Draft,
    Submitted,
    Published,
    Returned,
}

internal enum PostKind
{
    Blog,
    News,
}

/// <summary>A post of the shared blog or a news item: written by network members, published when
/// a coordinator approves it (coordinators' own posts may be published at once).</summary>
internal sealed class Post : ISearchable
{
    public Guid Id { get; set; }

    public PostKind Kind { get; set; }

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Body { get; set; } = new();

    public PostStatus Status { get; set; }

    public string? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    public Guid? ProjectId { get; set; }

    public string? ReturnNote { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The title and text in every language, lower case, for search (kept by the writer).</summary>
    public string SearchText { get; set; } = "";
}

namespace Coordination.Dissemination.Data;

/// <summary>What the search index ranks and pages: models and posts alike.</summary>
internal interface ISearchable
{
    Guid Id { get; }

    string SearchText { get; }

    DateTime? PublishedAt { get; }
}

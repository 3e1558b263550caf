namespace Coordination.Dissemination.Catalogue;

/// <summary>A page of search results and how many match: all of them, or, with
/// <paramref name="TotalIsLowerBound"/>, at least <paramref name="Total"/> (the count stopped at
/// <see cref="SearchIndex.CountCap"/>, and the pages go no further).</summary>
internal sealed record Found<T>(List<T> Items, int Total, bool TotalIsLowerBound = false);

using System.Security.Claims;

namespace Coordination.Shared.Modules;

/// <summary>One line of a home-page section: what it is, where it is dealt with, and a detail
/// (a count, a date). <paramref name="Attention"/> marks something overdue or missing.</summary>
public sealed record HomeItem(string Text, string Href, string? Detail = null, bool Attention = false);

/// <summary>A section of the home page that a module contributes from its own data. Order
/// places it among the others (lower first); Empty is shown when there are no items (null: the
/// section is left out when empty).</summary>
public sealed record HomeSection(string Key, string Title, IReadOnlyList<HomeItem> Items, int Order = 100, string? Empty = null, HomeItem? More = null);

/// <summary>A module's part of the home page: for a signed-in user what needs attention today
/// in that module (each item a link to where it is dealt with), for the public what the module
/// shows first. Registered with <see cref="ModuleBuilder.AddHomeSections{TSource}"/>.</summary>
public interface IHomeSectionSource
{
    /// <summary>The sections for <paramref name="user"/> (anonymous or signed in), none when the
    /// module has nothing for them.</summary>
    Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

using System.Security.Claims;
using Carter;
using Coordination.Shared.Modules;
using Coordination.Shared.Web;

namespace Coordination.Host.Web.Home;

/// <summary>The home page: the public front page for visitors, a workspace by role for those
/// signed in. Each module contributes its own sections from its own data (see the README:
/// "The home page"); this endpoint only puts them in order.</summary>
internal sealed class HomeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
        => app.MapGet("/", async Task<IResult> (ClaimsPrincipal user, IEnumerable<IHomeSectionSource> sources, CancellationToken ct) =>
            {
                var sections = new List<HomeSection>();
                foreach (var source in sources)
                {
                    sections.AddRange(await source.SectionsAsync(user, ct));
                }

                return new RazorComponentResult<HomePage>(new { Sections = (IReadOnlyList<HomeSection>)[.. sections.OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal)] });
            })
            .AllowAnonymous()
            .CacheForVisitors()
            .ExcludeFromDescription();
}

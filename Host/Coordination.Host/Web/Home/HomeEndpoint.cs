using Carter;

namespace Coordination.Host.Web.Home;

internal sealed class HomeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
        => app.MapGet("/", () => new RazorComponentResult<HomePage>()).AllowAnonymous().ExcludeFromDescription();
}

using Carter;

namespace Coordination.Host.Web.Statements;

/// <summary>The accessibility statement (Act 306/2019) and the privacy notices, public pages.</summary>
internal sealed class StatementEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/accessibility", IResult () => new RazorComponentResult<AccessibilityPage>()).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/privacy", IResult () => new RazorComponentResult<PrivacyPage>()).AllowAnonymous().ExcludeFromDescription();
    }
}

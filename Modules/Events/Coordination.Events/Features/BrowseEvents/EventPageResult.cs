using System.Security.Claims;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Events.Registering;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.BrowseEvents;

/// <summary>Builds an event's page: details, the registration form (or why it is closed), the
/// online link for a signed-in person who is registered, the organiser's tools.</summary>
internal static class EventPageResult
{
    public sealed record PageModel(
        Event Event, string NetworkName, RegistrationInput Input, FormErrors Errors, string? ClosedReason, Registration? Own,
        bool IsOrganiser, bool SignedIn, string? Saved, string? ProjectName = null);

    public static async Task<IResult> RenderAsync(EventsDbContext db, Event e, ClaimsPrincipal user, TimeProvider clock, Registrar registrar, RegistrationInput? input, FormErrors errors, string? saved, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var network = await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.NetworkId == e.NetworkId, ct);
        var networkName = network is null ? "" : Shared.Data.LocalizedText.Create(network.NameFi, network.NameSv, network.NameEn).InCurrentCulture().Text;
        var project = e.ProjectId is { } projectId ? await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, ct) : null;
        var email = user.Email();
        var own = email is null ? null : await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == e.Id && r.Email == email && r.Status != RegistrationStatus.Cancelled, ct);
        input ??= new RegistrationInput(null, email);
        var model = new PageModel(e, networkName, input, errors, registrar.ClosedReason(e, clock.GetUtcNow().UtcDateTime), own, EventAccess.IsOrganiser(user), user.Identity?.IsAuthenticated == true, saved, project?.Label);
        return new RazorComponentResult<EventPage>(new { Model = model }) { StatusCode = status };
    }
}

using System.Globalization;
using System.Security.Claims;
using Carter;
using Coordination.Events.Access;
using Coordination.Events.Data;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.Privacy;

/// <summary>Erasure of a guest who is not in the directory (directory people are erased from
/// Membership, which tells Events): every registration with the address is anonymised.</summary>
internal sealed class EraseGuestEndpoints : ICarterModule
{
    public sealed record EraseInput(string? Email);

    public sealed record Erased(int Registrations);

    public void AddRoutes(IEndpointRouteBuilder app)
        => app.MapPost("/api/v1/events/privacy/erase", async Task<Results<Ok<Erased>, ProblemHttpResult>> (EraseInput input, EventsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var email = input.Email?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(email))
                {
                    return ApiResults.NotFound();
                }

                var registrations = await RegistrationAnonymiser.AnonymiseAllAsync(db, email, ct);
                db.Audit(user.UserId(), "EraseGuest", nameof(Registration), "-", registrations.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new Erased(registrations));
            })
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Events")
            .WithSummary("Anonymises every registration made with an e-mail address (a guest's request to be forgotten); the counts stay");
}

using System.Security.Claims;
using Carter;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Coordination.Shared.Messaging.Deliveries;

/// <summary>Parked deliveries: coordinators see what failed between modules and retry it.</summary>
public sealed class DeliveriesEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/deliveries", async Task<IResult> (DeliveryAdministration admin, bool? retried, CancellationToken ct) =>
                new RazorComponentResult<DeliveriesPage>(new { Deliveries = await admin.ListParkedAsync(ct), Retried = retried == true }))
            .RequireAuthorization(Policies.Coordinator);

        app.MapPost("/admin/deliveries/{module}/{id:guid}/retry", async Task<IResult> (string module, Guid id, IFormCollection form, DeliveryAdministration admin, ClaimsPrincipal user, CancellationToken ct) =>
                await admin.RetryAsync(module, id, user.UserId(), ct)
                    ? TypedResults.Redirect("/admin/deliveries?retried=true")
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coordinator);

        var api = app.MapGroup("/api/v1/admin/deliveries").RequireAuthorization(Policies.Coordinator).WithTags("Administration");
        api.MapGet("/", async Task<IResult> (DeliveryAdministration admin, CancellationToken ct) => TypedResults.Ok(new { items = await admin.ListParkedAsync(ct) }));
        api.MapPost("/{module}/{id:guid}/retry", async Task<Results<Accepted, ProblemHttpResult>> (string module, Guid id, DeliveryAdministration admin, ClaimsPrincipal user, IStringLocalizer<SharedStrings> l, CancellationToken ct) =>
            await admin.RetryAsync(module, id, user.UserId(), ct)
                ? TypedResults.Accepted((string?)null)
                : ApiResults.NotFound(l["NoSuchParkedDelivery"]));
    }
}

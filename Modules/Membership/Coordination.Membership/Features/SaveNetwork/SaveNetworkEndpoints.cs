using System.Security.Claims;
using Carter;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.SaveNetwork;

/// <summary>Create and edit a network: the form pages and POST/PUT /api/v1/membership/networks.</summary>
internal sealed class SaveNetworkEndpoints : ICarterModule
{
    public sealed record NetworkSaved(Guid Id, int Version);

    public sealed record FormModel(Guid? NetworkId, NetworkInput Input, FormErrors Errors, bool Conflict);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/membership/networks").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();

        pages.MapGet("/new", () => Form(null, new NetworkInput(null, null), FormErrors.None));

        pages.MapPost("/new", async Task<IResult> (IFormCollection form, NetworkSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = NetworkInput.From(form);
            var result = await saver.CreateAsync(input, user.UserId(), ct);
            return result.Outcome == SaveOutcome.Saved
                ? TypedResults.Redirect($"/membership/networks/{result.Id}?saved=created")
                : Form(null, input, result.Errors, StatusCodes.Status400BadRequest);
        });

        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, MembershipDbContext db, CancellationToken ct) =>
            await db.Networks.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) is { } network
                ? Form(id, new NetworkInput(LocalizedTextInput.From(network.Name), LocalizedTextInput.From(network.Description), network.Version, network.FundingProgramme), FormErrors.None)
                : TypedResults.NotFound());

        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, NetworkSaver saver, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = NetworkInput.From(form);
            var result = await saver.UpdateAsync(id, input, user.UserId(), ct);
            return result.Outcome switch
            {
                SaveOutcome.Saved => TypedResults.Redirect($"/membership/networks/{id}?saved=updated"),
                SaveOutcome.NotFound => TypedResults.NotFound(),
                SaveOutcome.Conflict => Form(id, input, FormErrors.None, StatusCodes.Status409Conflict, conflict: true),
                _ => Form(id, input, result.Errors, StatusCodes.Status400BadRequest),
            };
        });

        var api = app.MapGroup("/api/v1/membership/networks").RequireAuthorization(Policies.Coordinator).WithTags("Membership");

        api.MapPost("/", async Task<Results<Created<NetworkSaved>, ValidationProblem>> (NetworkInput input, NetworkSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var result = await saver.CreateAsync(input, user.UserId(), ct);
                return result.Outcome == SaveOutcome.Saved
                    ? TypedResults.Created($"/api/v1/membership/networks/{result.Id}", new NetworkSaved(result.Id, result.Version))
                    : ApiResults.Invalid(result.Errors, shared);
            })
            .WithSummary("Creates a network");

        api.MapPut("/{id:guid}", async Task<Results<Ok<NetworkSaved>, ValidationProblem, ProblemHttpResult>> (Guid id, NetworkInput input, NetworkSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var result = await saver.UpdateAsync(id, input, user.UserId(), ct);
                return result.Outcome switch
                {
                    SaveOutcome.Saved => TypedResults.Ok(new NetworkSaved(result.Id, result.Version)),
                    SaveOutcome.NotFound => ApiResults.NotFound(),
                    SaveOutcome.Conflict => ApiResults.Conflict(l["EditConflict"]),
                    _ => ApiResults.Invalid(result.Errors, shared),
                };
            })
            .WithSummary("Edits a network; send the version you read");
    }


    private static IResult Form(Guid? id, NetworkInput input, FormErrors errors, int status = StatusCodes.Status200OK, bool conflict = false)
        => new RazorComponentResult<NetworkFormPage>(new { Model = new FormModel(id, input, errors, conflict) }) { StatusCode = status };
}

using Carter;
using Coordination.Host.Identity;
using Coordination.Host.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Account.IssueToken;

/// <summary>POST /api/v1/auth/tokens: e-mail and password for a bearer token of the API.</summary>
internal sealed class IssueTokenEndpoint : ICarterModule
{
    public sealed record Request(string? Email, string? Password);

    public sealed record Response(string Token, DateTimeOffset ExpiresAt);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/tokens", async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> (
                Request request,
                CredentialCheck credentials,
                SignInManager<AppUser> signIn,
                IServiceProvider services,
                TimeProvider clock,
                IStringLocalizer<HostStrings> l,
                IStringLocalizer<SharedStrings> shared) =>
            {
                var errors = CredentialErrors.For(request.Email, request.Password, l);
                if (!errors.IsEmpty)
                {
                    return ApiResults.Invalid(errors, shared);
                }

                // One answer, in about the same time, for an unknown address, a wrong password and a locked account.
                if (await credentials.CheckAsync(request.Email!, request.Password!) is not { } user)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: l["WrongCredentials"]);
                }

                var principal = await signIn.CreateUserPrincipalAsync(user);
                var (token, expiresAt) = IdentitySetup.IssueToken(services, principal, clock);
                return TypedResults.Created((string?)null, new Response(token, expiresAt));
            })
            .AllowAnonymous()
            .RequireRateLimiting(IdentitySetup.AuthRateLimit)
            .WithTags("Authentication")
            .WithSummary("Issues a bearer token for the API");
    }
}

using Carter;
using Coordination.Host.Identity;
using Coordination.Host.Resources;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Account.SignIn;

/// <summary>Cookie sign-in and sign-out for the site.</summary>
internal sealed class SignInEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/sign-in", IResult (string? returnUrl) =>
                new RazorComponentResult<SignInPage>(new { ReturnUrl = LocalUrl.OrRoot(returnUrl) }))
            .AllowAnonymous();

        app.MapPost("/account/sign-in", async Task<IResult> (IFormCollection form, CredentialCheck credentials, SignInManager<AppUser> signIn, IStringLocalizer<HostStrings> l) =>
            {
                var email = form.Text("email") ?? "";
                var password = form["password"].ToString();
                var returnUrl = LocalUrl.OrRoot(form.Text("returnUrl"));
                var errors = CredentialErrors.For(email, password, l);

                if (errors.IsEmpty)
                {
                    if (await credentials.CheckAsync(email, password) is { } user)
                    {
                        await signIn.SignInAsync(user, isPersistent: form.Text("remember") == "on");
                        return TypedResults.LocalRedirect(returnUrl);
                    }

                    // One answer for an unknown address, a wrong password and a locked account.
                    errors.Add("email", l["WrongCredentials"]);
                }

                return new RazorComponentResult<SignInPage>(new { ReturnUrl = returnUrl, Email = email, Errors = errors }) { StatusCode = StatusCodes.Status400BadRequest };
            })
            .AllowAnonymous()
            .RequireRateLimiting(IdentitySetup.AuthRateLimit);

        app.MapPost("/account/sign-out", async (IFormCollection form, SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/");
            })
            .RequireAuthorization();

        app.MapGet("/account/access-denied", IResult () =>
                new RazorComponentResult<AccessDeniedPage> { StatusCode = StatusCodes.Status403Forbidden })
            .AllowAnonymous();
    }
}

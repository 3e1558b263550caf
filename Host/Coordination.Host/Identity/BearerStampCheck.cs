using Microsoft.AspNetCore.Identity;

namespace Coordination.Host.Identity;

/// <summary>Bearer tokens are self-contained, so a token would outlive a password reset, a
/// lockout, erasure or a revocation. Each API request with a token checks the security stamp the
/// token carries against the sign-in's current one (one indexed read); a token that fails
/// is treated as no token (401).</summary>
internal static class BearerStampCheck
{
    public static IApplicationBuilder UseBearerStampCheck(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            if (IdentitySetup.IsApi(context.Request) && context.User.Identity?.IsAuthenticated == true)
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                if (await signIn.ValidateSecurityStampAsync(context.User) is null)
                {
                    context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                }
            }

            await next(context);
        });
}

using System.Globalization;
using Carter;
using Coordination.Host.Identity;
using Coordination.Host.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Account.ResetPassword;

/// <summary>Forgotten password: a reset link by e-mail, then a new password. Never tells
/// whether an address has an account.</summary>
internal sealed class ResetPasswordEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/forgot-password", IResult () => new RazorComponentResult<ForgotPasswordPage>()).AllowAnonymous();

        app.MapPost("/account/forgot-password", async Task<IResult> (IFormCollection form, UserManager<AppUser> users, IdentityDb db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<HostStrings> l, CancellationToken ct) =>
            {
                var address = form.Text("email");
                if (string.IsNullOrEmpty(address))
                {
                    var errors = new FormErrors();
                    errors.Add("email", l["EmailRequired"]);
                    return new RazorComponentResult<ForgotPasswordPage>(new { Errors = errors }) { StatusCode = StatusCodes.Status400BadRequest };
                }

                if (await users.FindByEmailAsync(address) is { } user)
                {
                    var token = await users.GeneratePasswordResetTokenAsync(user);
                    var baseUrl = PublicUrl.Base(configuration);
                    var link = $"{baseUrl}/account/reset-password?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}";
                    // Queued: the answer does not wait for (or tell anything about) the mail server.
                    db.QueueMail(new EmailMessage(address, user.DisplayName, string.Format(CultureInfo.CurrentCulture, l["ResetMailSubject"], SiteName.Current(configuration)), string.Format(CultureInfo.CurrentCulture, l["ResetMailBody"], link)), $"identity:reset:{user.Id}:{Guid.NewGuid():N}", clock.GetUtcNow().UtcDateTime);
                    await db.SaveChangesAsync(ct);
                }

                return new RazorComponentResult<ForgotPasswordPage>(new { Sent = true });
            })
            .AllowAnonymous()
            .RequireRateLimiting(IdentitySetup.AuthRateLimit);

        app.MapGet("/account/reset-password", IResult (string? email, string? token) =>
                new RazorComponentResult<ResetPasswordPage>(new { Email = email ?? "", Token = token ?? "" }))
            .AllowAnonymous();

        app.MapPost("/account/reset-password", async Task<IResult> (IFormCollection form, UserManager<AppUser> users, IStringLocalizer<HostStrings> l) =>
            {
                var address = form.Text("email") ?? "";
                var token = form["token"].ToString();
                var password = form["password"].ToString();
                var errors = new FormErrors();
                if (password.Length == 0)
                {
                    errors.Add("password", l["PasswordRequired"]);
                }
                else if (password != form["confirm"].ToString())
                {
                    errors.Add("confirm", l["PasswordsDiffer"]);
                }

                if (errors.IsEmpty)
                {
                    var user = await users.FindByEmailAsync(address);
                    var result = user is null
                        ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
                        : await users.ResetPasswordAsync(user, token, password);
                    if (result.Succeeded)
                    {
                        return new RazorComponentResult<ResetPasswordPage>(new { Done = true });
                    }

                    foreach (var error in result.Errors)
                    {
                        errors.Add("password", error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? l["ResetLinkInvalid"] : LocalizedIdentityError(error, l));
                    }
                }

                return new RazorComponentResult<ResetPasswordPage>(new { Email = address, Token = token, Errors = errors }) { StatusCode = StatusCodes.Status400BadRequest };
            })
            .AllowAnonymous()
            .RequireRateLimiting(IdentitySetup.AuthRateLimit);
    }

    private static string LocalizedIdentityError(IdentityError error, IStringLocalizer<HostStrings> l)
    {
        var text = l["Identity" + error.Code];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}

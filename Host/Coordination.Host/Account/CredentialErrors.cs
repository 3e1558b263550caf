using Coordination.Host.Resources;
using Coordination.Shared.Web;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Account;

/// <summary>The missing-field errors of an e-mail and password, the same on the sign-in form and the token API.</summary>
internal static class CredentialErrors
{
    public static FormErrors For(string? email, string? password, IStringLocalizer<HostStrings> l)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("email", l["EmailRequired"]);
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", l["PasswordRequired"]);
        }

        return errors;
    }
}

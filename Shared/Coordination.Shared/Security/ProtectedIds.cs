using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Coordination.Shared.Security;

/// <summary>Link tokens that are an id protected with the site's data protection keys (one
/// protector per purpose): nothing secret is stored, and a token cannot be made or altered
/// without the keys.</summary>
public static class ProtectedIds
{
    public static string ProtectId(this IDataProtector protector, Guid id) => WebEncoders.Base64UrlEncode(protector.Protect(id.ToByteArray()));

    public static string ProtectId(this ITimeLimitedDataProtector protector, Guid id, TimeSpan lifetime)
        => WebEncoders.Base64UrlEncode(protector.Protect(id.ToByteArray(), lifetime));

    /// <summary>The id in <paramref name="token"/>, or null if it is not one of ours (or has expired).</summary>
    public static Guid? UnprotectId(this IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 400)
        {
            return null;
        }

        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}

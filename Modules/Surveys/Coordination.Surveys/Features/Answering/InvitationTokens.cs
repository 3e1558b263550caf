using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Coordination.Surveys.Features.Answering;

/// <summary>The token of a personal link is the invitation id protected with the site's data
/// protection keys: the database holds nothing that would let anyone make or guess a link, and
/// reminders can send the same link again.</summary>
internal sealed class InvitationTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Coordination.Surveys.Invitation.v1");

    public string For(Guid invitationId) => WebEncoders.Base64UrlEncode(_protector.Protect(invitationId.ToByteArray()));

    public Guid? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 400)
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}

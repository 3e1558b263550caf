using Coordination.Shared.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Coordination.Surveys.Mailing;

/// <summary>The token of a personal link is the invitation id protected with the site's data
/// protection keys: the database holds nothing that would let anyone make or guess a link, and
/// reminders can send the same link again.</summary>
internal sealed class InvitationTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Coordination.Surveys.Invitation.v1");

    public string For(Guid invitationId) => _protector.ProtectId(invitationId);

    public Guid? Read(string? token) => _protector.UnprotectId(token);
}

using Coordination.Shared.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Coordination.Surveys.FollowUps;

/// <summary>A follow-up recipient's personal link: the recipient id protected with the site's
/// data protection keys (nothing stored lets anyone make one; a reminder sends the same link).</summary>
internal sealed class FollowUpTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Coordination.Surveys.FollowUp.v1");

    public string For(Guid recipientId) => _protector.ProtectId(recipientId);

    public Guid? Read(string? token) => _protector.UnprotectId(token);
}

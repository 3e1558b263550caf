using Coordination.Shared.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>The token of the confirmation link (valid for a week), and the unsubscribe links of
/// issues sent before unsubscribe tokens were stored with the subscriber (read only, and kept
/// valid: they are in every old newsletter); each its own purpose so one cannot stand for the other.</summary>
internal sealed class SubscriptionLinks(IDataProtectionProvider provider)
{
    public static readonly TimeSpan ConfirmFor = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _confirm = provider.CreateProtector("Coordination.Dissemination.Subscribe.Confirm.v1").ToTimeLimitedDataProtector();
    private readonly IDataProtector _unsubscribe = provider.CreateProtector("Coordination.Dissemination.Subscribe.Unsubscribe.v1");

    public string ConfirmToken(Guid subscriberId) => _confirm.ProtectId(subscriberId, ConfirmFor);

    public Guid? ReadConfirm(string? token) => _confirm.UnprotectId(token);

    public Guid? ReadUnsubscribe(string? token) => _unsubscribe.UnprotectId(token);
}

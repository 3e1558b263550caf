using System.Globalization;
using System.Security.Claims;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.Extensions.Localization;

namespace Coordination.Shared.Messaging;

/// <summary>The coordinator's home page shows deliveries between modules that were parked.</summary>
internal sealed class ParkedDeliveriesHomeSection(DeliveryAdministration deliveries, IStringLocalizer<SharedStrings> l) : IHomeSectionSource
{
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Coordinator))
        {
            return [];
        }

        var parked = await deliveries.ListParkedAsync(cancellationToken);
        if (parked.Count == 0)
        {
            return [];
        }

        var text = string.Format(CultureInfo.CurrentCulture, parked.Count == 1 ? l["HomeParked_One"] : l["HomeParked_Other"], parked.Count);
        return [new HomeSection("parked-deliveries", l["Deliveries"], [new HomeItem(text, "/admin/deliveries", Attention: true)], Order: 900)];
    }
}

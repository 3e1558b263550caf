using System.Globalization;
using Coordination.Dissemination.Resources;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Catalogue;

/// <summary>The latest follow-up as one sentence: "Käytössä 5/8 organisaatiossa 24 kk hankkeen
/// päättymisen jälkeen (seuranta 11/2028)".</summary>
internal static class FollowUpText
{
    public static string Line(FollowUpDto f, IStringLocalizer<DisseminationStrings> l)
    {
        var month = DateOnly.ParseExact(f.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("M/yyyy", CultureInfo.InvariantCulture);
        var key = f.StillInUse ? "FollowUpInUseLine" : f.Use == "noLonger" ? "FollowUpNoLongerLine" : "FollowUpUnknownLine";
        return string.Format(CultureInfo.CurrentCulture, l[key], f.OrganisationsInUse, f.Organisations, f.Months, month);
    }
}

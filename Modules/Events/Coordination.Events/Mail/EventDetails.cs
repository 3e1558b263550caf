using System.Globalization;
using System.Text;
using Coordination.Events.Data;
using Coordination.Events.Resources;
using Coordination.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Coordination.Events.Mail;

/// <summary>The lines every event e-mail carries, in the current culture: time, place and — for
/// people with a seat — the online link.</summary>
internal static class EventDetails
{
    public static StringBuilder Lines(Event e, bool withOnlineLink, IStringLocalizer<EventsStrings> l)
    {
        var details = new StringBuilder();
        details.AppendLine(CultureInfo.CurrentCulture, $"{HelsinkiTime.FormatDateTime(e.StartsAt)} – {HelsinkiTime.FormatDateTime(e.EndsAt)}");
        if (e.Place is not null)
        {
            details.AppendLine(CultureInfo.CurrentCulture, $"{l["Place"]}: {e.Place}");
        }

        if (withOnlineLink && e.OnlineLink is not null)
        {
            details.AppendLine(CultureInfo.CurrentCulture, $"{l["OnlineLink"]}: {e.OnlineLink}");
        }

        return details;
    }
}

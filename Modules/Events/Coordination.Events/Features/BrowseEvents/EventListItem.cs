using Coordination.Events.Data;
using Coordination.Shared.Data;

namespace Coordination.Events.Features.BrowseEvents;

/// <summary>An event as the list page and GET /api/v1/events show it: selected in SQL so a list
/// reads only these columns (not the description, agenda or materials of every row). Mapped by
/// <see cref="EventsMappings"/> (Title.Fi flattens to TitleFi).</summary>
internal sealed record EventListItem(
    Guid Id, Guid NetworkId, EventType Type, string TitleFi, string? TitleSv, string? TitleEn, DateTime StartsAt, DateTime EndsAt,
    string? Place, EventAudience Audience, int? Capacity, int RegisteredCount, EventStatus Status, Guid? SeriesId, Guid? ProjectId)
{
    public LocalizedText Title => new() { Fi = TitleFi, Sv = TitleSv, En = TitleEn };
}

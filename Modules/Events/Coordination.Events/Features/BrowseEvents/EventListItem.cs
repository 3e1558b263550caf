using Coordination.Events.Data;
using Coordination.Shared.Data;

namespace Coordination.Events.Features.BrowseEvents;

/// <summary>An event as the list page and GET /api/v1/events show it, with its network's name (null
/// when Events has not heard of the network): selected in SQL so a list reads only these columns
/// (not the description, agenda or materials of every row).</summary>
internal sealed record EventListItem(
    Guid Id, Guid NetworkId, EventType Type, string TitleFi, string? TitleSv, string? TitleEn, DateTime StartsAt, DateTime EndsAt,
    string? Place, EventAudience Audience, int? Capacity, int RegisteredCount, EventStatus Status, Guid? SeriesId, Guid? ProjectId,
    string? NetworkNameFi, string? NetworkNameSv, string? NetworkNameEn)
{
    public LocalizedText Title => new() { Fi = TitleFi, Sv = TitleSv, En = TitleEn };

    public LocalizedText? NetworkName => NetworkNameFi is null ? null : LocalizedText.Create(NetworkNameFi, NetworkNameSv, NetworkNameEn);
}

using System.Security.Claims;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Home;

/// <summary>Dissemination's part of the public front page: the newest models of the method bank
/// and the newsletter subscription.</summary>
internal sealed class DisseminationHomeSections(DisseminationDbContext db, IStringLocalizer<DisseminationStrings> l) : IHomeSectionSource
{
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            return [];
        }

        var models = await db.Models.AsNoTracking().Where(m => m.Status == ModelStatus.Published).OrderByDescending(m => m.PublishedAt).Take(5).ToListAsync(cancellationToken);
        return
        [
            new HomeSection("newest-models", l["HomeNewestModels"], [.. models.Select(m => new HomeItem(m.Title.InCurrentCulture().Text, $"/method-bank/{m.Id}", m.Summary.InCurrentCulture().Text is { Length: > 160 } s ? s[..157] + "…" : m.Summary.InCurrentCulture().Text))],
                Order: 20, Empty: l["HomeNoModels"], More: new HomeItem(l["HomeMethodBank"], "/method-bank")),
            new HomeSection("newsletter", l["HomeNewsletter"], [new HomeItem(l["HomeSubscribe"], "/newsletter/subscribe", l["HomeSubscribeText"])],
                Order: 30, More: new HomeItem(l["HomeArchive"], "/newsletter")),
        ];
    }
}

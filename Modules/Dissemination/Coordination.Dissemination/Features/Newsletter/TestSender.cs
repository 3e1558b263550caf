using System.Security.Claims;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>A test send of an issue to the coordinator's own address, both languages, through
/// the mail queue (a template error is still told at once).</summary>
internal sealed class TestSender(DisseminationDbContext db, NewsletterRenderer renderer, TimeProvider clock, IStringLocalizer<DisseminationStrings> l)
{
    public async Task<(bool Found, string? Error)> SendAsync(Guid id, ClaimsPrincipal user, string baseUrl, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return (false, null);
        }

        var to = user.Email();
        if (string.IsNullOrEmpty(to))
        {
            return (true, l["TestNoAddress"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var test = Guid.NewGuid();
        foreach (var language in new[] { "fi", "sv" })
        {
            var (rendered, error) = await renderer.RenderAsync(issue, language, baseUrl, null, ct);
            if (rendered is null)
            {
                return (true, error?.Message);
            }

            var unsubscribe = $"{baseUrl}/newsletter/subscribe";
            db.QueueMail(new EmailMessage(to, null, $"[{l["TestPrefix"]}] {rendered.Subject}",
                rendered.Text.Replace(NewsletterRenderer.UnsubscribePlaceholder, unsubscribe, StringComparison.Ordinal),
                rendered.Html.Replace(NewsletterRenderer.UnsubscribePlaceholder, unsubscribe, StringComparison.Ordinal)), $"newsletter:test:{id:N}:{test:N}:{language}", now);
        }

        await db.SaveChangesAsync(ct);
        return (true, null);
    }
}

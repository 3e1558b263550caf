using System.Globalization;
using System.Security.Claims;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.PeerReview.Features.Home;

/// <summary>PeerReview's part of the home page: reviews still missing from rounds whose window has
/// closed (a coordinator: every round; a project manager: those of their projects' people), and
/// for everyone signed in their own reviews to write.</summary>
internal sealed class PeerReviewHomeSections(PeerReviewDbContext db, TimeProvider clock, IStringLocalizer<PeerReviewStrings> l) : IHomeSectionSource
{
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sections = new List<HomeSection>();
        var coordinator = user.IsInRole(Roles.Coordinator);
        var email = user.Email();
        var missing = from a in db.Assignments.AsNoTracking()
                      join r in db.Rounds.AsNoTracking() on a.RoundId equals r.Id
                      join v in db.Reviewers.AsNoTracking() on a.ReviewerId equals v.Id
                      join s in db.Submissions.AsNoTracking() on a.SubmissionId equals s.Id
                      where !db.Reviews.Any(x => x.Id == a.Id && x.Status == ReviewStatus.Submitted)
                      select new { Assignment = a, Round = r, Reviewer = v, Submission = s };
        if (coordinator || user.IsInRole(Roles.ProjectManager))
        {
            var overdue = missing.Where(x => x.Round.ClosesAt != null && x.Round.ClosesAt < now);
            if (!coordinator)
            {
                var person = email is null ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email, cancellationToken);
                var managed = person?.ManagedProjects ?? [];
                overdue = overdue.Where(x => x.Reviewer.ProjectId != null && managed.Contains(x.Reviewer.ProjectId.Value));
            }

            var rounds = await overdue.GroupBy(x => new { x.Round.Id, x.Round.Name, x.Round.ClosesAt })
                .Select(g => new { g.Key.Id, g.Key.Name, g.Key.ClosesAt, Count = g.Count() })
                .OrderBy(g => g.ClosesAt).Take(20).ToListAsync(cancellationToken);
            sections.Add(new HomeSection("reviews-overdue", l["HomeReviewsOverdue"], [.. rounds.Select(r => new HomeItem(
                    r.Name,
                    coordinator ? $"/peer-review/rounds/{r.Id}" : "/peer-review",
                    string.Format(CultureInfo.CurrentCulture, r.Count == 1 ? l["HomeMissingReviews_One"] : l["HomeMissingReviews_Other"], r.Count, HelsinkiTime.FormatDate(r.ClosesAt!.Value)),
                    Attention: true))],
                Order: 50, Empty: l["HomeNoReviewsOverdue"]));
        }

        if (email is not null)
        {
            var mine = await missing.Where(x => x.Reviewer.Email == email && (x.Round.ClosesAt == null || x.Round.ClosesAt > now.AddDays(-30)))
                .OrderBy(x => x.Round.ClosesAt).Take(20)
                .Select(x => new { x.Assignment.Id, x.Round.Name, x.Round.ClosesAt, x.Submission.Title })
                .ToListAsync(cancellationToken);
            if (mine.Count > 0)
            {
                sections.Add(new HomeSection("my-reviews", l["HomeMyReviews"], [.. mine.Select(x => new HomeItem(
                        x.Title.InCurrentCulture().Text,
                        $"/peer-review/assignments/{x.Id}",
                        x.ClosesAt is { } closes ? string.Format(CultureInfo.CurrentCulture, l["HomeReviewDue"], x.Name, HelsinkiTime.FormatDate(closes)) : x.Name,
                        x.ClosesAt < now))],
                    Order: 32));
            }
        }

        return sections;
    }
}

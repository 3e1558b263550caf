using Coordination.PeerReview.Data;
using Coordination.PeerReview.Features.RemindReviewers;
using Coordination.Shared.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.PeerReview.Tests;

/// <summary>Issue 22: the review reminder job run four times at once (twice on each of two
/// instances on PostgreSQL) reminds each reviewer of each unfinished review once, through a real
/// SMTP server.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ConcurrentReminderTests(Provider provider)
{
    [Test]
    public async Task Overlapping_reminder_runs_remind_each_reviewer_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instances = SeveralInstances.Start(database, SeveralInstances.Smtp(smtp, "arviointi@example.fi"));
        var reviewers = Enumerable.Range(0, 30).Select(i => $"arvioija{i:D2}@example.fi").ToList();
        await using (var scope = instances.First.Services.CreateAsyncScope())
        {
            // A round closing in five days: each reviewer has one review to do.
            var db = scope.ServiceProvider.GetRequiredService<PeerReviewDbContext>();
            var now = DateTime.UtcNow;
            var round = new Round { Id = Guid.CreateVersion7(), Name = "Syyskierros", Type = RoundType.Peer, ReviewersPerSubmission = 1, MaxReviewsPerReviewer = 1, ClosesAt = now.AddDays(5), CreatedAt = now, UpdatedAt = now };
            var submission = new Submission { Id = Guid.CreateVersion7(), RoundId = round.Id, ModelId = Guid.NewGuid(), Title = LocalizedText.Create("Arvioitava malli", null, null), SubmittedAt = now };
            db.Rounds.Add(round);
            db.Submissions.Add(submission);
            foreach (var email in reviewers)
            {
                var reviewer = new Reviewer { Id = Guid.CreateVersion7(), RoundId = round.Id, Name = email, Email = email, AddedAt = now };
                db.Reviewers.Add(reviewer);
                db.Assignments.Add(new Assignment { Id = Guid.CreateVersion7(), RoundId = round.Id, SubmissionId = submission.Id, ReviewerId = reviewer.Id, AssignedAt = now });
            }

            await db.SaveChangesAsync();
        }

        await instances.RunAtOnceAsync<ReviewRemindersJob>();
        await Eventually.WaitForAsync(() => Task.FromResult(Reminders(smtp).Count), n => n >= reviewers.Count);
        await Task.Delay(1500);
        await instances.RunAtOnceAsync<ReviewRemindersJob>();
        await Task.Delay(1500);
        Assert.That(Reminders(smtp), Is.EquivalentTo(reviewers), "the week's reminder to each reviewer once");
    }

    private static List<string> Reminders(SmtpServer smtp)
        => [.. smtp.Messages().Where(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)).Select(m => m.To.Mailboxes.Single().Address)];
}

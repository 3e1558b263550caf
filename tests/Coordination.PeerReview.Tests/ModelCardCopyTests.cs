using Coordination.PeerReview.Data;
using Coordination.Shared.Data;

namespace Coordination.PeerReview.Tests;

/// <summary>A submission keeps the card as it was sent: its texts are copies, never the request's
/// own owned values (EF would move an owned value shared by two owners).</summary>
public sealed class ModelCardCopyTests
{
    [Test]
    public void The_card_is_copied_text_by_text_into_new_values()
    {
        var request = new ReviewRequest
        {
            Title = LocalizedText.Create("Otsikko", "Rubrik", null),
            Summary = LocalizedText.Create("Tiivistelmä", null, null),
            Challenge = LocalizedText.Create("Haaste", null, "Challenge"),
            Method = LocalizedText.Create("Menetelmä", null, null),
            Result = LocalizedText.Create("Tulos", null, null),
        };
        var submission = new Submission();

        request.CopyTo(submission);

        Assert.Multiple(() =>
        {
            Assert.That((submission.Title.Fi, submission.Title.Sv, submission.Challenge.En), Is.EqualTo(("Otsikko", "Rubrik", "Challenge")));
            Assert.That(submission.Result.Fi, Is.EqualTo("Tulos"));
            Assert.That(submission.Title, Is.Not.SameAs(request.Title));
            Assert.That(submission.Method, Is.Not.SameAs(request.Method));
        });
    }
}

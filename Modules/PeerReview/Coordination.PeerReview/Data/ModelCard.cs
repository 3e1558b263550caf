using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.PeerReview.Data;

/// <summary>The parts of a model card PeerReview keeps, in Finnish and Swedish: on a review
/// request (the latest card sent) and on a submission (the card as submitted to a round).</summary>
internal interface IModelCard
{
    LocalizedText Title { get; set; }

    LocalizedText Summary { get; set; }

    LocalizedText Challenge { get; set; }

    LocalizedText Method { get; set; }

    LocalizedText Result { get; set; }
}

internal static class ModelCard
{
    /// <summary>Maps the card's texts to their fi/sv/en columns (the method bank's lengths).</summary>
    public static void OwnsModelCard<T>(this EntityTypeBuilder<T> entity)
        where T : class, IModelCard
    {
        entity.OwnsLocalizedText(x => x.Title, "Title", 300);
        entity.OwnsLocalizedText(x => x.Summary, "Summary", 1000);
        entity.OwnsLocalizedText(x => x.Challenge, "Challenge", 8000);
        entity.OwnsLocalizedText(x => x.Method, "Method", 8000);
        entity.OwnsLocalizedText(x => x.Result, "Result", 8000);
    }

    /// <summary>Copies the texts; owned values are never shared between two owners. Written by
    /// hand, not with Mapster: copying between two entities through their common interface into
    /// an existing object left the texts unset (ModelCardCopyTests).</summary>
    public static void CopyTo(this IModelCard from, IModelCard to)
    {
        to.Title = Copy(from.Title);
        to.Summary = Copy(from.Summary);
        to.Challenge = Copy(from.Challenge);
        to.Method = Copy(from.Method);
        to.Result = Copy(from.Result);
    }

    private static LocalizedText Copy(LocalizedText text) => LocalizedText.Create(text.Fi, text.Sv, text.En);
}

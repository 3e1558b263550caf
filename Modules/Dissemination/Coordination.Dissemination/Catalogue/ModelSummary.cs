using Coordination.Dissemination.Data;
using Coordination.Shared.Web;

namespace Coordination.Dissemination.Catalogue;

/// <summary>A model as lists show it: the method bank, a theme's compilation and search.</summary>
internal sealed record ModelSummary(Guid Id, Guid NetworkId, Guid? ProjectId, LocalizedTextInput Title, LocalizedTextInput Summary, List<string> Themes, string Status, DateTime? PublishedAt, bool PeerReviewed, bool ExpertReviewed, FollowUpDto? FollowUp = null)
{
    public static ModelSummary Of(Model m) => new(
        m.Id, m.NetworkId, m.ProjectId, LocalizedTextInput.From(m.Title), LocalizedTextInput.From(m.Summary), m.Themes, EnumText.Of(m.Status), m.PublishedAt,
        m.PeerReviewedAt is not null, m.ExpertReviewedAt is not null, FollowUpOf(m));

    public static FollowUpDto? FollowUpOf(Model m) => m is { FollowUpMonths: { } months, FollowUpAt: { } at, FollowUpUse: { } use }
        ? new(months, Shared.Localization.HelsinkiTime.ToLocal(at).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), use, m.StillInUse, m.FollowUpInUse ?? 0, m.FollowUpOrganisations ?? 0, m.FollowUpReason)
        : null;
}

/// <summary>The latest follow-up: months after the project's end, the month it was answered
/// (yyyy-MM), the use, the organisations using the model of the project's, why not any more.</summary>
internal sealed record FollowUpDto(int Months, string Month, string Use, bool StillInUse, int OrganisationsInUse, int Organisations, string? Reason);


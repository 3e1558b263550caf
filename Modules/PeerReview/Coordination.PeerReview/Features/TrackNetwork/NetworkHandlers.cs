using Coordination.Dissemination.Contracts;
using Coordination.Events.Contracts;
using Coordination.Membership.Contracts;
using Coordination.PeerReview.Data;
using Coordination.PeerReview.Submissions;
using Coordination.Shared.Data;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.PeerReview.Features.TrackNetwork;

/// <summary>PeerReview's copy of the projects with their organisations and of the people with
/// their projects (for conflicts of interest and for who reads a project's feedback), and the
/// models sent to review (Dissemination's ModelSubmittedForReview), and the events a round table
/// can be held at (Events' EventScheduled/EventCancelled).</summary>
internal sealed class NetworkHandlers(PeerReviewDbContext db, SubmissionService submissions) :
    IIntegrationEventHandler<ProjectJoinedNetwork>,
    IIntegrationEventHandler<ProjectUpdated>,
    IIntegrationEventHandler<ProjectDeleted>,
    IIntegrationEventHandler<PersonRegistered>,
    IIntegrationEventHandler<PersonUpdated>,
    IIntegrationEventHandler<PersonErased>,
    IIntegrationEventHandler<ModelSubmittedForReview>,
    IIntegrationEventHandler<EventScheduled>,
    IIntegrationEventHandler<EventCancelled>
{
    public Task HandleAsync(ProjectJoinedNetwork e, IntegrationEventContext context, CancellationToken cancellationToken)
        => ProjectAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, e.Organisations, cancellationToken);

    public Task HandleAsync(ProjectUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => ProjectAsync(e.ProjectId, e.NetworkId, e.Name, e.Acronym, e.Organisations, cancellationToken);

    /// <summary>The project leaves the copy and a waiting request no longer names it (Dissemination
    /// detaches its models too). Submissions and reviewers keep the id: they record a round as it
    /// was, and a conflict of interest stays one.</summary>
    public async Task HandleAsync(ProjectDeleted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var project = (Guid?)e.ProjectId;
        await db.Requests.Where(r => r.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(r => r.ProjectId, (Guid?)null), cancellationToken);
        await db.Projects.Where(p => p.ProjectId == e.ProjectId).ExecuteDeleteAsync(cancellationToken);
    }

    public Task HandleAsync(PersonRegistered e, IntegrationEventContext context, CancellationToken cancellationToken)
        => PersonAsync(e.PersonId, e.Name, e.Email, e.OrganisationId, e.Language, e.Roles, cancellationToken);

    public Task HandleAsync(PersonUpdated e, IntegrationEventContext context, CancellationToken cancellationToken)
        => PersonAsync(e.PersonId, e.Name, e.Email, e.OrganisationId, e.Language, e.Roles, cancellationToken);

    /// <summary>The person leaves the directory copy; as a reviewer their name and address are
    /// replaced (the reviews they wrote stay, unsigned).</summary>
    public async Task HandleAsync(PersonErased e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        // Entries written before reviewers were audited by id carried the name: it goes too.
        var names = await db.Reviewers.Where(r => r.PersonId == e.PersonId).Select(r => r.Name).Distinct().ToListAsync(cancellationToken);
        await db.AuditEntries.Where(a => (a.Action == "AddReviewer" || a.Action == "VolunteerAsReviewer" || a.Action == "AssignReviewerByHand") && a.Summary != null && names.Contains(a.Summary))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Summary, (string?)null), cancellationToken);
        await db.People.Where(p => p.PersonId == e.PersonId).ExecuteDeleteAsync(cancellationToken);
        await db.Reviewers.Where(r => r.PersonId == e.PersonId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, "–").SetProperty(r => r.Email, r => "erased-" + r.Id + "@invalid").SetProperty(r => r.PersonId, (Guid?)null), cancellationToken);
    }

    public async Task HandleAsync(ModelSubmittedForReview e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.ModelId == e.ModelId, cancellationToken);
        if (request is null)
        {
            db.Requests.Add(request = new ReviewRequest { ModelId = e.ModelId });
        }

        request.NetworkId = e.NetworkId;
        request.ProjectId = e.ProjectId;
        request.OrganisationIds = [.. e.OrganisationIds];
        request.Title = LocalizedText.Create(e.TitleFi, e.TitleSv, null);
        request.Summary = LocalizedText.Create(e.SummaryFi, e.SummarySv, null);
        request.Challenge = LocalizedText.Create(e.ChallengeFi, e.ChallengeSv, null);
        request.Method = LocalizedText.Create(e.MethodFi, e.MethodSv, null);
        request.Result = LocalizedText.Create(e.ResultFi, e.ResultSv, null);
        request.Version = e.Version;
        request.RequestedAt = e.SubmittedAt;
        await db.SaveChangesAsync(cancellationToken);
        await submissions.SubmitToOpenPeerRoundAsync(request, cancellationToken);
    }

    public async Task HandleAsync(EventScheduled e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var known = await db.Events.SingleOrDefaultAsync(x => x.EventId == e.EventId, cancellationToken);
        if (known is null)
        {
            db.Events.Add(known = new KnownEvent { EventId = e.EventId, Sequence = -1 });
        }

        if (!known.Cancelled && e.Sequence >= known.Sequence)
        {
            known.Title = LocalizedText.Create(e.TitleFi, e.TitleSv, e.TitleEn);
            known.StartsAt = e.StartsAt;
            known.Sequence = e.Sequence;
        }
    }

    /// <summary>Kept even when it comes before the event itself, so a late EventScheduled cannot
    /// bring a cancelled event back.</summary>
    public async Task HandleAsync(EventCancelled e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var known = await db.Events.SingleOrDefaultAsync(x => x.EventId == e.EventId, cancellationToken);
        if (known is null)
        {
            db.Events.Add(known = new KnownEvent { EventId = e.EventId });
        }

        known.Cancelled = true;
        known.Sequence = Math.Max(known.Sequence, e.Sequence);
    }

    private async Task ProjectAsync(Guid projectId, Guid networkId, string name, string? acronym, IReadOnlyList<ProjectOrganisation> organisations, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (project is null)
        {
            db.Projects.Add(project = new KnownProject { ProjectId = projectId });
        }

        project.NetworkId = networkId;
        project.Name = name;
        project.Acronym = acronym;
        project.OrganisationIds = [.. organisations.Select(o => o.OrganisationId)];
    }

    private async Task PersonAsync(Guid personId, string name, string email, Guid? organisationId, string language, IReadOnlyList<PersonRole> roles, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (person is null)
        {
            db.People.Add(person = new KnownPerson { PersonId = personId });
        }

        person.Name = name;
        person.Email = email.Trim().ToLowerInvariant();
        person.OrganisationId = organisationId;
        person.Language = language;
        person.ProjectIds = [.. roles.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct()];
        person.ManagedProjects = [.. roles.Where(r => r.Role == "projectManager" && r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct()];
    }
}

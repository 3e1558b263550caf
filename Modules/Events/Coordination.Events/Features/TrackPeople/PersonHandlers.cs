using Coordination.Events.Data;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.TrackPeople;

/// <summary>Keeps each directory person's address, organisation and projects, and on
/// <see cref="PersonErased"/> anonymises every registration made with it (name, address,
/// organisation and needs), keeping the counts.</summary>
internal sealed class PersonHandlers(EventsDbContext db) :
    IIntegrationEventHandler<PersonRegistered>,
    IIntegrationEventHandler<PersonUpdated>,
    IIntegrationEventHandler<PersonErased>
{
    public Task HandleAsync(PersonRegistered integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(integrationEvent.PersonId, integrationEvent.Email, integrationEvent.OrganisationId, integrationEvent.Roles, cancellationToken);

    public Task HandleAsync(PersonUpdated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(integrationEvent.PersonId, integrationEvent.Email, integrationEvent.OrganisationId, integrationEvent.Roles, cancellationToken);

    public async Task HandleAsync(PersonErased integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == integrationEvent.PersonId, cancellationToken);
        if (person is null)
        {
            return;
        }

        await Privacy.EraseGuestEndpoints.Anonymise(db, person.Email, cancellationToken);
        db.People.Remove(person);
    }

    private async Task RememberAsync(Guid personId, string email, Guid? organisationId, IReadOnlyList<PersonRole> roles, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (person is null)
        {
            person = new KnownPerson { PersonId = personId };
            db.People.Add(person);
        }

        person.Email = email.ToLowerInvariant();
        person.OrganisationId = organisationId;
        person.ProjectIds = [.. roles.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().Order()];
    }
}

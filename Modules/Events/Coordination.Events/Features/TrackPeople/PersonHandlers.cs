using Coordination.Events.Data;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.TrackPeople;

/// <summary>Keeps each directory person's address, and on <see cref="PersonErased"/> anonymises
/// every registration made with it (name, address, organisation and needs), keeping the counts.</summary>
internal sealed class PersonHandlers(EventsDbContext db) :
    IIntegrationEventHandler<PersonRegistered>,
    IIntegrationEventHandler<PersonUpdated>,
    IIntegrationEventHandler<PersonErased>
{
    public Task HandleAsync(PersonRegistered integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(integrationEvent.PersonId, integrationEvent.Email, cancellationToken);

    public Task HandleAsync(PersonUpdated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(integrationEvent.PersonId, integrationEvent.Email, cancellationToken);

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

    private async Task RememberAsync(Guid personId, string email, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (person is null)
        {
            db.People.Add(new KnownPerson { PersonId = personId, Email = email.ToLowerInvariant() });
        }
        else
        {
            person.Email = email.ToLowerInvariant();
        }
    }
}

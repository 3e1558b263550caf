using Coordination.Events.Data;
using Coordination.Membership.Contracts;
using Coordination.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Events.Features.TrackPeople;

/// <summary>Keeps each directory person's name, address, language, organisation, projects and
/// the networks and projects whose steering group they sit in, and on
/// <see cref="PersonErased"/> anonymises every registration made with it (name, address,
/// organisation and needs), keeping the counts.</summary>
internal sealed class PersonHandlers(EventsDbContext db) :
    IIntegrationEventHandler<PersonRegistered>,
    IIntegrationEventHandler<PersonUpdated>,
    IIntegrationEventHandler<PersonErased>
{
    public Task HandleAsync(PersonRegistered integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(integrationEvent.PersonId, integrationEvent.Name, integrationEvent.Email, integrationEvent.Language, integrationEvent.OrganisationId, integrationEvent.Roles, cancellationToken);

    public Task HandleAsync(PersonUpdated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        => RememberAsync(integrationEvent.PersonId, integrationEvent.Name, integrationEvent.Email, integrationEvent.Language, integrationEvent.OrganisationId, integrationEvent.Roles, cancellationToken);

    public async Task HandleAsync(PersonErased integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == integrationEvent.PersonId, cancellationToken);
        if (person is null)
        {
            return;
        }

        await RegistrationAnonymiser.AnonymiseAllAsync(db, person.Email, cancellationToken);
        db.People.Remove(person);
    }

    private async Task RememberAsync(Guid personId, string name, string email, string language, Guid? organisationId, IReadOnlyList<PersonRole> roles, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (person is null)
        {
            person = new KnownPerson { PersonId = personId };
            db.People.Add(person);
        }

        person.Email = email.ToLowerInvariant();
        person.OrganisationId = organisationId;
        person.Name = name;
        person.Language = language is "sv" or "en" ? language : "fi";
        person.SteeringGroupNetworkIds = [.. roles.Where(r => r.Role == "steeringGroup" && r.NetworkId is not null).Select(r => r.NetworkId!.Value).Distinct().Order()];
        person.SteeringGroupProjectIds = [.. roles.Where(r => r.Role == "steeringGroup" && r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().Order()];
        person.ProjectIds = [.. roles.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().Order()];
    }
}

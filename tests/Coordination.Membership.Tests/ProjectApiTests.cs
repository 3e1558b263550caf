using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Membership.Features.Projects;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ProjectApiTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    [OneTimeSetUp]
    public async Task SetUpNetworkAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await Setup.NetworkAsync(_coordinator);
    }

    [Test]
    public async Task A_project_joins_the_network_with_its_partners_and_the_share_of_own_financing()
    {
        var lead = await Setup.OrganisationAsync(_coordinator, "Päätoteuttajaopisto");
        var partner = await Setup.OrganisationAsync(_coordinator, "Osatoteuttajaopisto");
        var id = await Setup.ProjectAsync(_coordinator, _network, lead, [partner]);

        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(project!["leadOrganisationId"]!.GetValue<Guid>(), Is.EqualTo(lead));
            Assert.That(project["partnerOrganisationIds"]!.AsArray().Select(p => p!.GetValue<Guid>()), Is.EqualTo(new[] { partner }));
            Assert.That(project["ownFinancingShare"]!.GetValue<decimal>(), Is.EqualTo(25.0m), "100 000 of 400 000");
            Assert.That(project["startDate"]!.GetValue<string>(), Is.EqualTo("2026-01-01"));
        });

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var message = await db.OutboxMessages.SingleAsync(m => m.Type.EndsWith("ProjectJoinedNetwork") && m.Payload.Contains(id.ToString()));
        var names = JsonNode.Parse(message.Payload)!["organisations"]!.AsArray().Select(o => o!["name"]!.GetValue<string>());
        Assert.That(names, Is.EqualTo(new[] { "Päätoteuttajaopisto", "Osatoteuttajaopisto" }), "the lead first");
    }

    [Test]
    public async Task Bad_input_is_a_400_with_field_errors()
    {
        var lead = await Setup.OrganisationAsync(_coordinator);
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = _network, name = "", leadOrganisationId = lead, partnerOrganisationIds = new[] { lead, Guid.NewGuid() },
            startDate = "2027-01-01", endDate = "2026-01-01", grantedAmount = -5m,
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "name", "endDate", "grantedAmount", "partnerOrganisationIds" }));
    }

    [Test]
    public async Task A_project_manager_edits_their_own_project_but_not_another()
    {
        var lead = await Setup.OrganisationAsync(_coordinator);
        var own = await Setup.ProjectAsync(_coordinator, _network, lead);
        var other = await Setup.ProjectAsync(_coordinator, _network, lead);
        var manager = await Setup.ProjectManagerAsync(App, _coordinator, own);

        var ownProject = await manager.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{own}");
        var edit = ownProject!.DeepClone().AsObject();
        edit["name"] = "Oma hanke muokattu";
        var ok = await manager.PutAsJsonAsync($"/api/v1/membership/projects/{own}", edit);
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());

        var otherProject = await manager.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{other}");
        otherProject!["name"] = "Vieras hanke muokattu";
        var refused = await manager.PutAsJsonAsync($"/api/v1/membership/projects/{other}", otherProject);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var created = await manager.PostAsJsonAsync("/api/v1/membership/projects", edit);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only coordinators add projects");

        var stale = await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{own}", edit);
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "the manager's edit made version 1 stale");
    }

    [Test]
    public async Task Ended_projects_publish_ProjectEnded_once()
    {
        var lead = await Setup.OrganisationAsync(_coordinator);
        var id = await Setup.ProjectAsync(_coordinator, _network, lead, start: "2024-01-01", end: "2025-06-30");
        for (var run = 0; run < 2; run++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<EndProjectsJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var ended = await db.OutboxMessages.CountAsync(m => m.Type.EndsWith("ProjectEnded") && m.Payload.Contains(id.ToString()));
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.EqualTo(1));
            Assert.That(project.Status, Is.EqualTo(ProjectStatus.Ended));
            Assert.That(project.EndedAt, Is.Not.Null);
        });
    }
}

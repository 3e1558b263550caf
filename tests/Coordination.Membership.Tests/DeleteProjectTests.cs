using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

/// <summary>A coordinator deletes a project: what goes with it, what stays, the audit entry and
/// the events for the other modules.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class DeleteProjectTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _coordinator = await App.ApiClientAsync(Roles.Coordinator);

    [Test]
    public async Task A_deleted_project_takes_its_plan_goals_budget_letters_and_roles_and_tells_the_other_modules()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var text = new StringContent(Setup.Application("network-16.txt"), Encoding.UTF8, "text/plain");
        var projectId = await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", text));
        var plan = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}/plan");
        var lead = plan!["partners"]![0]!["organisationId"]!.GetValue<Guid>();
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/membership/projects/{projectId}/letters/{lead}", new { tasks = new[] { "Koordinoi" } })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var manager = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?projectId={projectId}&role=projectManager"))!["items"]![0]!["id"]!.GetValue<Guid>();
        var before = await CountsAsync(projectId);
        Assert.That(before, Is.EqualTo((Goals: 4, Plans: 1, BudgetLines: 9, Roles: 16, People: 16, Organisations: 16)), "what the import made");

        var projectManager = await App.ApiClientAsync(Roles.ProjectManager);
        Assert.That((await projectManager.DeleteAsync($"/api/v1/membership/projects/{projectId}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var response = await _coordinator.DeleteAsync($"/api/v1/membership/projects/{projectId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        Assert.Multiple(async () =>
        {
            Assert.That((await _coordinator.GetAsync($"/api/v1/membership/projects/{projectId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await _coordinator.GetAsync($"/api/v1/membership/projects/{projectId}/plan")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await CountsAsync(projectId), Is.EqualTo((Goals: 0, Plans: 0, BudgetLines: 0, Roles: 0, People: 16, Organisations: 16)), "organisations and people stay");
            Assert.That(await db.CommitmentLetters.CountAsync(l => l.ProjectId == projectId), Is.Zero);
            var deleted = await db.OutboxMessages.Where(m => m.Type.EndsWith("ProjectDeleted")).ToListAsync();
            Assert.That(deleted.Select(m => JsonNode.Parse(m.Payload)!["projectId"]!.GetValue<Guid>()), Is.EqualTo(new[] { projectId }));
            var updated = await db.OutboxMessages.Where(m => m.Type.EndsWith("PersonUpdated") && m.Payload.Contains(manager.ToString())).OrderBy(m => m.Id).ToListAsync();
            Assert.That(updated.Last().Payload, Does.Not.Contain(projectId.ToString()), "the other modules learn that the person lost the role");
            Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "DeleteProject" && a.EntityId == projectId.ToString()), Is.EqualTo(1));
        });

        Assert.That((await _coordinator.DeleteAsync($"/api/v1/membership/projects/{projectId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var again = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", new StringContent(Setup.Application("network-16.txt"), Encoding.UTF8, "text/plain"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created), "once deleted, the application can be imported again");
    }

    private async Task<(int Goals, int Plans, int BudgetLines, int Roles, int People, int Organisations)> CountsAsync(Guid projectId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        return (await db.Goals.CountAsync(g => g.ProjectId == projectId), await db.Plans.CountAsync(p => p.ProjectId == projectId),
            await db.BudgetLines.CountAsync(b => b.ProjectId == projectId), await db.PersonRoles.CountAsync(r => r.ProjectId == projectId),
            await db.People.CountAsync(), await db.Organisations.CountAsync());
    }
}

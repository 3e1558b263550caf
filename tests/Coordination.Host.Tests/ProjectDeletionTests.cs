using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Monitoring.Data;
using Coordination.PeerReview.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>A coordinator deletes a project (one imported twice): Membership's ProjectDeleted
/// takes it out of Monitoring (health, reporting calendar), the method bank (its published model
/// stays, as the network's own) and peer review, through the real outbox; the other project stays.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ProjectDeletionTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_deleted_project_leaves_monitoring_the_method_bank_and_peer_review_and_its_model_stays_published()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await ApiSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Poistoverkosto {Guid.NewGuid():N}" } }));
        var (deleted, kept) = (await ProjectAsync(coordinator, network, "POI"), await ProjectAsync(coordinator, network, "JÄÄ"));
        var model = await ApiSetup.IdOfAsync(await Eventually.WaitForAsync(
            () => coordinator.PostAsJsonAsync("/api/v1/dissemination/models", new
            {
                networkId = network, projectId = deleted, title = new { fi = "Poistuvan hankkeen malli" }, summary = new { fi = "Tiivistelmä" },
                challenge = new { fi = "Haaste" }, method = new { fi = "Menetelmä" }, result = new { fi = "Tulos" }, themes = new[] { "Osallisuus" },
            }),
            r => r.StatusCode == HttpStatusCode.Created));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/models/{model}/publish", null)).IsSuccessStatusCode, Is.True);
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/models/{model}/submit-for-review", null)).IsSuccessStatusCode, Is.True);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var project in new[] { deleted, kept })
        {
            // Monitoring learns of the project from Membership's event (404 until it has).
            await Eventually.WaitForAsync(
                () => coordinator.PostAsJsonAsync($"/api/v1/monitoring/projects/{project}/reporting-dates", new { kind = "interim", dueDate = due }),
                r => r.StatusCode == HttpStatusCode.Created);
        }

        Assert.That(await Eventually.WaitForAsync(() => KnownAsync(deleted), known => known == (true, true, true, true)), Is.EqualTo((true, true, true, true)), "every module knows the project first");

        Assert.That((await coordinator.DeleteAsync($"/api/v1/membership/projects/{deleted}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var after = await Eventually.WaitForAsync(() => KnownAsync(deleted), known => known == (false, false, false, false));
        Assert.That(after, Is.EqualTo((false, false, false, false)), "monitoring, the method bank, the model and peer review forget the project");

        Assert.That(await InAsync<MonitoringDbContext, int>(db => db.ReportingDates.CountAsync(d => d.ProjectId == deleted)), Is.Zero, "its reporting dates go");
        Assert.That(await InAsync<MonitoringDbContext, int>(db => db.ProjectOrganisations.CountAsync(o => o.ProjectId == deleted)), Is.Zero);
        Assert.That(await InAsync<MonitoringDbContext, int>(db => db.ReportingDates.CountAsync(d => d.ProjectId == kept)), Is.EqualTo(1), "the other project's stay");
        Assert.That(await InAsync<MonitoringDbContext, bool>(db => db.Models.AnyAsync(m => m.ModelId == model && m.ProjectId == null)), Is.True, "the model is counted for the network");
        Assert.That(await InAsync<PeerReviewDbContext, bool>(db => db.Projects.AnyAsync(p => p.ProjectId == kept)), Is.True);
        var card = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{model}"))!;
        Assert.That(card["projectId"], Is.Null, "the model no longer names the project");
        Assert.That(card["status"]!.GetValue<string>(), Is.EqualTo("published"), "and stays published");
        var health = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/monitoring/networks/{network}/health"))!.ToJsonString();
        Assert.That(health, Does.Not.Contain(deleted.ToString()).And.Contain(kept.ToString()), "the health page lists the projects that are left");
    }

    /// <summary>Whether Monitoring, Dissemination (copy and model), and PeerReview (copy and the
    /// model's review request) still name the project.</summary>
    private async Task<(bool Monitoring, bool Dissemination, bool Model, bool PeerReview)> KnownAsync(Guid project) => (
        await InAsync<MonitoringDbContext, bool>(db => db.Projects.AnyAsync(p => p.ProjectId == project)),
        await InAsync<DisseminationDbContext, bool>(db => db.Projects.AnyAsync(p => p.ProjectId == project)),
        await InAsync<DisseminationDbContext, bool>(db => db.Models.AnyAsync(m => m.ProjectId == project)),
        await InAsync<PeerReviewDbContext, bool>(async db => await db.Projects.AnyAsync(p => p.ProjectId == project) && await db.Requests.AnyAsync(r => r.ProjectId == project)));

    private async Task<T> InAsync<TContext, T>(Func<TContext, Task<T>> query)
        where TContext : DbContext
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private static async Task<Guid> ProjectAsync(HttpClient coordinator, Guid network, string acronym)
    {
        var lead = await ApiSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym} {Guid.NewGuid():N}", type = "educationProvider", language = "fi" }));
        return await ApiSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = $"OPH-{acronym}/2026", leadOrganisationId = lead,
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 20000m,
        }));
    }
}

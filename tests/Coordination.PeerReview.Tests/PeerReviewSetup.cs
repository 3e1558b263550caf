using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.PeerReview.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.PeerReview.Tests;

/// <summary>A network made through Membership and Dissemination as a coordinator would:
/// projects with their organisations, their managers (directory role and sign-in), and models
/// published and sent to review. PeerReview learns all of it from their events.</summary>
internal sealed class PeerReviewSetup(CoordinationApp app, HttpClient coordinator)
{
    public sealed record Project(Guid Id, Guid Organisation, HttpClient Manager, string ManagerEmail);

    public static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);

    public async Task<T> InPeerReviewAsync<T>(Func<PeerReviewDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PeerReviewDbContext>());
    }

    public async Task<Guid> NetworkAsync()
    {
        return await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = $"Arviointiverkosto {Guid.NewGuid():N}" } }));
    }

    /// <summary>A project with its own lead organisation and a manager who can sign in.</summary>
    public async Task<Project> ProjectAsync(Guid networkId, string acronym, string language = "fi")
    {
        var lead = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym} {Guid.NewGuid():N}", type = "educationProvider", language = "fi" }));
        var id = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-7/2026", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 30000m,
        }));
        var email = await app.CreateUserAsync(Roles.ProjectManager, Roles.Member);
        var person = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new
        {
            name = $"Päällikkö {acronym}", email, language, organisationId = lead, roles = new[] { new { role = "projectManager", projectId = id } },
        }));
        Assert.That(await Eventually.WaitForAsync(() => InPeerReviewAsync(db => db.People.Where(p => p.PersonId == person).Select(p => p.ManagedProjects).FirstOrDefaultAsync()), m => m?.Count == 1), Has.Count.EqualTo(1), "PeerReview knows the manager");
        Assert.That(await Eventually.WaitForAsync(() => InPeerReviewAsync(db => db.Projects.AnyAsync(p => p.ProjectId == id)), k => k), Is.True, "PeerReview knows the project");
        return new Project(id, lead, await app.ApiClientForAsync(email, CoordinationApp.Password), email);
    }

    /// <summary>A model of the project, published and sent to review by its manager.</summary>
    public async Task<Guid> ModelSentToReviewAsync(Guid networkId, Project project, string title)
    {
        // Dissemination learns the network and the manager from Membership's events a moment later.
        var model = await IdOfAsync(await Eventually.WaitForAsync(() => project.Manager.PostAsJsonAsync("/api/v1/dissemination/models", new
        {
            networkId,
            projectId = project.Id,
            title = new { fi = title },
            summary = new { fi = $"Tiivistelmä: {title}" },
            challenge = new { fi = "Opiskelijat keskeyttävät." },
            method = new { fi = "Opiskelijat ohjaavat toisiaan **pareittain**." },
            result = new { fi = "Keskeyttäminen väheni." },
            targetGroup = new { fi = "Opiskelijat" },
            themes = new[] { "Osallisuus" },
            contactName = "Maija Malli",
            contactEmail = "maija.malli@example.fi",
        }), r => r.StatusCode == HttpStatusCode.Created));
        Assert.That((await project.Manager.PostAsync($"/api/v1/dissemination/models/{model}/publish", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await project.Manager.PostAsync($"/api/v1/dissemination/models/{model}/submit-for-review", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Eventually.WaitForAsync(() => InPeerReviewAsync(db => db.Requests.AnyAsync(r => r.ModelId == model)), k => k), Is.True, "PeerReview got ModelSubmittedForReview");
        return model;
    }

    public async Task<Guid> RoundAsync(string type = "peer", int k = 2, int maximum = 5, bool showNames = false, string? closesAt = null)
        => await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/peer-review/rounds", new
        {
            name = $"Kierros {type} {Guid.NewGuid():N}"[..30], type, reviewersPerSubmission = k, maxReviewsPerReviewer = maximum, showReviewerNames = showNames, closesAt,
        }));
}

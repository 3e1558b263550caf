using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>Networks, projects and project managers made in Membership (known to Dissemination
/// through its events), and model cards.</summary>
internal static class DisseminationSetup
{
    public static Task<Guid> IdOfAsync(HttpResponseMessage response)
        => ApiSetup.IdOfAsync(response);

    public static async Task<T> InDisseminationAsync<T>(CoordinationApp app, Func<DisseminationDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisseminationDbContext>());
    }

    public static Task<Guid> NetworkAsync(CoordinationApp app, HttpClient coordinator)
        => ApiSetup.NetworkAsync<DisseminationDbContext>(app, coordinator, new { fi = $"Levitysverkosto {Guid.NewGuid():N}" }, (db, id) => db.Networks.AnyAsync(n => n.NetworkId == id), "Dissemination learns the network");

    public static async Task<Guid> ProjectAsync(CoordinationApp app, HttpClient coordinator, Guid networkId, string acronym)
    {
        var lead = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = $"Opisto {acronym} {Guid.NewGuid():N}", type = "educationProvider", language = "fi" }));
        var id = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId, name = $"Hanke {acronym}", acronym, fundingDecisionNumber = "OPH-5/2026", leadOrganisationId = lead, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 30000m,
        }));
        Assert.That(await Eventually.WaitForAsync(() => InDisseminationAsync(app, db => db.Projects.AnyAsync(p => p.ProjectId == id)), k => k), Is.True);
        return id;
    }

    /// <summary>A project manager of <paramref name="projectId"/> (directory role + sign-in with the same address).</summary>
    public static async Task<(HttpClient Api, string Email)> ProjectManagerAsync(CoordinationApp app, HttpClient coordinator, Guid projectId)
    {
        var email = await app.CreateUserAsync(Shared.Security.Roles.ProjectManager, Shared.Security.Roles.Member);
        var person = await IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Projektipäällikkö", email, language = "fi", roles = new[] { new { role = "projectManager", projectId } } }));
        Assert.That(await Eventually.WaitForAsync(() => InDisseminationAsync(app, db => db.People.AnyAsync(p => p.PersonId == person)), k => k), Is.True);
        return (await app.ApiClientForAsync(email, CoordinationApp.Password), email);
    }

    public static object Card(Guid networkId, Guid? projectId, string title, string method = "Opiskelijat ohjaavat toisiaan **pareittain**.", string[]? themes = null, string? titleSv = null)
        => new
        {
            networkId,
            projectId,
            title = new { fi = title, sv = titleSv },
            summary = new { fi = $"Tiivistelmä: {title}", sv = titleSv is null ? null : $"Sammanfattning: {titleSv}" },
            challenge = new { fi = "Opiskelijat keskeyttävät." },
            method = new { fi = method },
            result = new { fi = "Keskeyttäminen väheni." },
            targetGroup = new { fi = "Ammatillisen koulutuksen opiskelijat" },
            themes = themes ?? ["Osallisuus"],
            contactName = "Maija Malli",
            contactEmail = "maija.malli@example.fi",
            links = new[] { new { title = "Materiaali", url = "https://example.fi/materiaali" } },
        };

    public static async Task<Guid> PublishedAsync(HttpClient writer, object card)
    {
        var id = await IdOfAsync(await writer.PostAsJsonAsync("/api/v1/dissemination/models", card));
        var published = await writer.PostAsync($"/api/v1/dissemination/models/{id}/publish", null);
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await published.Content.ReadAsStringAsync());
        return id;
    }
}

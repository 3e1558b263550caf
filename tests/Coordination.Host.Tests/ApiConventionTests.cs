using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Health, OpenAPI, problem details and request limits.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ApiConventionTests(Provider provider) : AppFixture(provider)
{

    [Test]
    public async Task Health_endpoints_answer_and_ready_checks_every_moduleDatabase()
    {
        var client = App.CreateClient();
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        Assert.Multiple(async () =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
        var checks = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>()
            .Value.Registrations.Where(r => r.Tags.Contains("ready")).Select(r => r.Name);
        Assert.That(checks, Is.SupersetOf(new[] { "db-membership", "db-events", "db-peerreview", "db-surveys", "db-dissemination", "db-monitoring", "db-identity" }));
    }

    [Test]
    public async Task Ready_fails_when_a_moduleDatabase_is_broken()
    {
        if (Provider == Provider.Postgres)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Coordination.Events.Data.EventsDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE events.\"OutboxMessages\" RENAME TO \"OutboxMessagesGone\"");
            var response = await App.CreateClient().GetAsync("/health/ready");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE events.\"OutboxMessagesGone\" RENAME TO \"OutboxMessages\"");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        else
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Coordination.Events.Data.EventsDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE OutboxMessages RENAME TO OutboxMessagesGone");
            var response = await App.CreateClient().GetAsync("/health/ready");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE OutboxMessagesGone RENAME TO OutboxMessages");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[] { "/api/v1/membership/networks", "/api/v1/membership/networks/{id}", "/api/v1/auth/tokens", "/api/v1/monitoring/networks/{id}/indicators" }));
        Assert.That(paths, Has.None.StartsWith("/membership"), "pages are not part of the API document");
        Assert.That(document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
    }

    [Test]
    public async Task Unknown_API_paths_answer_with_problem_details()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var response = await api.GetAsync($"/api/v1/membership/networks/{Guid.NewGuid()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var missing = await api.GetAsync("/api/v1/no-such-thing");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Malformed_JSON_is_a_400_problem()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var response = await api.PostAsync("/api/v1/membership/networks", new StringContent("{ \"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:MaxRequestBodyBytes"] = "65536" });
        var address = app.StartKestrel();
        var token = (await app.ApiClientAsync(Roles.Coordinator)).DefaultRequestHeaders.Authorization;
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = token;
        var huge = new string('a', 100_000);
        var response = await client.PostAsync("/api/v1/membership/networks", new StringContent($"{{\"name\":{{\"fi\":\"{huge}\"}}}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Pages_that_do_not_exist_show_a_page_in_the_users_language()
    {
        var response = await App.CreateClient().GetAsync("/no-such-page");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Sivua ei löytynyt"));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

/// <summary>Networks through the JSON API: create, read, list, edit, validation, roles.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class NetworkApiTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _coordinator = await App.ApiClientAsync(Roles.Coordinator);

    [Test]
    public async Task A_coordinator_creates_a_network_that_members_can_read()
    {
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new
        {
            name = new { fi = "Jatkuvan oppimisen verkosto", sv = "Nätverket för kontinuerligt lärande" },
            description = new { fi = "Verkosto **kehittää** ohjausta." },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/api/v1/membership/networks/{id}"));

        var member = await App.ApiClientAsync(Roles.Member);
        var network = await member.GetFromJsonAsync<JsonObject>($"/api/v1/membership/networks/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(network!["name"]!["fi"]!.GetValue<string>(), Is.EqualTo("Jatkuvan oppimisen verkosto"));
            Assert.That(network["name"]!["sv"]!.GetValue<string>(), Is.EqualTo("Nätverket för kontinuerligt lärande"));
            Assert.That(network["name"]!["en"], Is.Null);
            Assert.That(network["description"]!["fi"]!.GetValue<string>(), Is.EqualTo("Verkosto **kehittää** ohjausta."));
            Assert.That(network["version"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Creating_a_network_records_the_event_and_the_audit_entry_in_the_sameDatabase()
    {
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Auditoitu verkosto" } });
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var outbox = await db.OutboxMessages.Where(m => m.Payload.Contains(id.ToString())).ToListAsync();
        var audit = await db.AuditEntries.Where(a => a.EntityId == id.ToString()).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outbox.Select(m => m.Type), Is.EqualTo(new[] { "Coordination.Membership.Contracts.NetworkCreated" }));
            Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "CreateNetwork" }));
            Assert.That(audit[0].UserId, Is.Not.Null.And.Not.Contain("@"), "the audit keeps a user id, not an address");
        });
    }

    [TestCase("{}", "name")]
    [TestCase("{\"name\":{\"fi\":\"  \"}}", "name.fi")]
    [TestCase("{\"name\":{\"sv\":\"Bara svenska\"}}", "name.fi")]
    public async Task Invalid_input_is_a_400_with_field_errors_and_changes_nothing(string json, string field)
    {
        var before = await CountAsync();
        var response = await _coordinator.PostAsync("/api/v1/membership/networks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
            Assert.That(await CountAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Names_that_are_too_long_are_refused_in_every_language()
    {
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Hyvä", sv = new string('å', 201), en = new string('e', 201) } });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name.sv", "name.en" }));
        Assert.That(problem["errors"]!["name.sv"]![0]!.GetValue<string>(), Does.Contain("200"));
    }

    [Test]
    public async Task Errors_follow_the_requested_language()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/membership/networks") { Content = JsonContent.Create(new { name = new { fi = "" } }) };
        request.Headers.AcceptLanguage.ParseAdd("sv");
        var response = await _coordinator.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!["name.fi"]![0]!.GetValue<string>(), Does.Contain("obligatoriskt"));
    }

    [Test]
    public async Task A_duplicate_Finnish_name_is_refused_whatever_its_case()
    {
        await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ainutlaatuinen verkosto" } });
        var response = await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "AINUTLAATUINEN verkosto " } });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!["name.fi"]![0]!.GetValue<string>(), Does.Contain("on jo olemassa"));
    }

    [Test]
    public async Task Members_read_but_cannot_write()
    {
        var member = await App.ApiClientAsync(Roles.Member);
        var created = await member.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Jäsenen verkosto" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await member.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var nobody = await App.ApiClientAsync();
        Assert.That((await nobody.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a sign-in without a role is not a network member");
    }

    [Test]
    public async Task An_edit_needs_the_current_version_and_refuses_a_stale_one()
    {
        var created = await _coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Muokattava verkosto" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var edited = await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{id}", new { name = new { fi = "Muokattu verkosto", en = "Edited network" }, version = 1 });
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await edited.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>(), Is.EqualTo(2));

        var stale = await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{id}", new { name = new { fi = "Vanha muokkaus" }, version = 1 });
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var missingVersion = await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{id}", new { name = new { fi = "Ilman versiota" } });
        Assert.That(missingVersion.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var unknown = await _coordinator.PutAsJsonAsync($"/api/v1/membership/networks/{Guid.NewGuid()}", new { name = new { fi = "Ei ole" }, version = 1 });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var network = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/networks/{id}");
        Assert.That(network!["name"]!["fi"]!.GetValue<string>(), Is.EqualTo("Muokattu verkosto"));
    }

    [Test]
    public async Task The_list_pages_sorts_and_searches_in_every_language()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database);
        var api = await app.ApiClientAsync(Roles.Coordinator);
        foreach (var (fi, sv) in new[] { ("Bravo", "Bravo sv"), ("Alfa", "Alfa sv"), ("Charlie", "Kvarnen") })
        {
            await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi, sv } });
        }

        var page1 = await api.GetFromJsonAsync<JsonObject>("/api/v1/membership/networks?pageSize=2&sort=name");
        var page2 = await api.GetFromJsonAsync<JsonObject>("/api/v1/membership/networks?pageSize=2&page=2&sort=name");
        var descending = await api.GetFromJsonAsync<JsonObject>("/api/v1/membership/networks?sort=-name");
        var search = await api.GetFromJsonAsync<JsonObject>("/api/v1/membership/networks?q=kvarn");
        static IEnumerable<string> Names(JsonObject? page) => page!["items"]!.AsArray().Select(i => i!["name"]!["fi"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(page1!["total"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(Names(page1), Is.EqualTo(new[] { "Alfa", "Bravo" }));
            Assert.That(Names(page2), Is.EqualTo(new[] { "Charlie" }));
            Assert.That(Names(descending), Is.EqualTo(new[] { "Charlie", "Bravo", "Alfa" }));
            Assert.That(Names(search), Is.EqualTo(new[] { "Charlie" }));
        });
    }

    [Test]
    public async Task Networks_survive_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using (var first = new CoordinationApp(database))
        {
            var api = await first.ApiClientAsync(Roles.Coordinator);
            await api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Pysyvä verkosto" } });
        }

        await using var second = new CoordinationApp(database);
        var again = await second.ApiClientAsync(Roles.Member);
        var list = await again.GetFromJsonAsync<JsonObject>("/api/v1/membership/networks");
        Assert.That(list!["items"]!.AsArray().Select(i => i!["name"]!["fi"]!.GetValue<string>()), Is.EqualTo(new[] { "Pysyvä verkosto" }));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().Networks.CountAsync();
    }
}

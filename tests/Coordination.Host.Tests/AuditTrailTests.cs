using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Host.Identity;
using Coordination.Membership.Data;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Surveys.Data;
using Coordination.Events.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>The audit trail across every module's AuditEntries: names, filters, paging, export,
/// errors, an erased person, and the purge.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AuditTrailTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task Entries_of_every_module_are_merged_newest_first_named_filtered_paged_and_exported()
    {
        var (ainoId, aino) = await CoordinatorAsync("Aino Auditoija");
        var (_, bertil) = await CoordinatorAsync("Bertil Granskare");
        var network = await IdAsync(await aino.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Lokiverkosto" } }));
        await Eventually.WaitForAsync(() => InAsync<EventsDbContext, bool>(db => db.Networks.AnyAsync(n => n.NetworkId == network)), k => k);
        var start = DateTimeOffset.UtcNow.AddDays(3);
        await IdAsync(await bertil.PostAsJsonAsync("/api/v1/events", new { networkId = network, type = "webinar", title = new { fi = "Lokiwebinaari" }, startsAt = start.ToString("o"), endsAt = start.AddHours(1).ToString("o"), audience = "public", place = "Verkossa" }));

        var mine = await ListAsync(aino, $"?person={ainoId}");
        Assert.That(mine.Items.Select(i => (i["module"]!.GetValue<string>(), i["kind"]!.GetValue<string>(), i["person"]!.GetValue<string>(), i["actor"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("Membership", "CreateNetwork", "Aino Auditoija", "account") }));

        var all = await ListAsync(aino, $"?from={Today()}&to={Today()}");
        var ours = all.Items.Where(i => i["person"]?.GetValue<string>() is "Aino Auditoija" or "Bertil Granskare").ToList();
        Assert.That(ours.Select(i => i["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "CreateEvent", "CreateNetwork" }), "newest first across modules");
        var times = all.Items.Select(i => i["at"]!.GetValue<DateTime>()).ToList();
        Assert.That(times, Is.Ordered.Descending);

        Assert.That((await ListAsync(aino, "?module=events&kind=CreateEvent")).Items.Select(i => i["person"]!.GetValue<string>()), Does.Contain("Bertil Granskare").And.All.Not.EqualTo("Aino Auditoija"));
        Assert.That((await ListAsync(aino, $"?to={DateTime.UtcNow.AddDays(-2):yyyy-MM-dd}")).Total, Is.Zero);

        var second = await ListAsync(aino, $"?from={Today()}&to={Today()}&pageSize=1&page=2");
        Assert.That((second.Total, second.Items.Count, second.Items[0]["id"]!.GetValue<Guid>()), Is.EqualTo((all.Total, 1, all.Items[1]["id"]!.GetValue<Guid>())));

        var page = await (await BrowserAsync()).GetAsync($"/admin/audit?person={ainoId}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That((page.StatusCode, html.Contains("Aino Auditoija", StringComparison.Ordinal), html.Contains("CreateNetwork", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.OK, true, true)));

        var csv = await aino.GetAsync($"/api/v1/admin/audit.csv?person={ainoId}");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(text, Does.Contain("Aika;Henkilö;Osio;Muutoksen laji").And.Contain("Aino Auditoija;Verkosto ja jäsenet;CreateNetwork"));
        var xlsx = await (await BrowserAsync()).GetAsync("/admin/audit.xlsx");
        Assert.That((xlsx.StatusCode, xlsx.Content.Headers.ContentType!.MediaType), Is.EqualTo((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
    }

    [Test]
    public async Task Bad_filters_are_field_errors_on_the_page_and_in_the_api()
    {
        var (_, api) = await CoordinatorAsync("Cecilia Kokeilija");
        var response = await api.GetAsync("/api/v1/admin/audit?from=eilen&to=2026-01-01&module=Kirjasto");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "from", "module" }));
        var reversed = (await (await api.GetAsync("/api/v1/admin/audit?from=2026-02-01&to=2026-01-01")).Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.That(reversed.Select(e => e.Key), Is.EqualTo(new[] { "to" }));

        var page = await (await BrowserAsync()).GetAsync("/admin/audit?from=eilen");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("error-summary").And.Contain("href=\"#f-from\"").And.Contain("Anna päivämäärä muodossa vvvv-kk-pp"));
    }

    [Test]
    public async Task An_erased_persons_name_does_not_reappear_in_the_trail_its_filter_or_its_export()
    {
        var (_, coordinator) = await CoordinatorAsync("Kaija Koordinaattori");
        var email = $"eero-{Guid.NewGuid():N}@example.fi";
        var (eeroId, eero) = await CoordinatorAsync("Eero Poistettava", email);
        var person = await IdAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Eero Poistettava", email, language = "fi", roles = Array.Empty<object>() }));
        await IdAsync(await eero.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Eeron verkosto" } }));
        Assert.That((await ListAsync(coordinator, $"?person={eeroId}")).Items.Single()["person"]!.GetValue<string>(), Is.EqualTo("Eero Poistettava"));

        Assert.That((await coordinator.DeleteAsync($"/api/v1/membership/people/{person}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var entries = await ListAsync(coordinator, "?kind=CreateNetwork");
        var erased = entries.Items.Single(i => i["summary"]!.GetValue<string>() == "Eeron verkosto");
        Assert.That((erased["actor"]!.GetValue<string>(), erased["person"], erased["userId"]), Is.EqualTo(("deletedAccount", (JsonNode?)null, (JsonNode?)null)));
        var html = await (await BrowserAsync()).GetStringAsync("/admin/audit");
        var csv = await coordinator.GetStringAsync("/api/v1/admin/audit.csv");
        var json = await coordinator.GetStringAsync("/api/v1/admin/audit?pageSize=100");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("Eero Poistettava").And.Contain("Poistettu käyttäjätili"));
            Assert.That(csv, Does.Not.Contain("Eero Poistettava"));
            Assert.That(json, Does.Not.Contain("Eero Poistettava").And.Not.Contain(eeroId));
        });
    }

    [Test]
    public async Task Entries_older_than_the_retention_are_purged_in_every_module()
    {
        var old = DateTime.UtcNow.AddDays(-731);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var membership = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var surveys = scope.ServiceProvider.GetRequiredService<SurveysDbContext>();
            membership.Audit(null, "VanhaMerkintä", "Thing", "1", null, old);
            membership.Audit(null, "TuoreMerkintä", "Thing", "2", null, DateTime.UtcNow.AddDays(-729));
            surveys.Audit(null, "VanhaMerkintä", "Thing", "3", null, old);
            await membership.SaveChangesAsync();
            await surveys.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("host:purge-audit", CancellationToken.None);
        }

        var (_, api) = await CoordinatorAsync("Pirjo Puhdistaja");
        Assert.Multiple(async () =>
        {
            Assert.That((await ListAsync(api, "?kind=VanhaMerkintä")).Total, Is.Zero);
            Assert.That((await ListAsync(api, "?kind=TuoreMerkintä")).Total, Is.EqualTo(1));
        });
    }

    private async Task<(string Id, HttpClient Api)> CoordinatorAsync(string name, string? email = null)
    {
        email ??= $"{Guid.NewGuid():N}@example.fi";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.That((await users.CreateAsync(user, CoordinationApp.Password)).Succeeded, Is.True);
            await users.AddToRoleAsync(user, Roles.Coordinator);
        }

        var api = await App.ApiClientForAsync(email, CoordinationApp.Password);
        await using var lookup = App.Services.CreateAsyncScope();
        return ((await lookup.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id, api);
    }

    private Task<HttpClient> BrowserAsync() => App.BrowserClientAsync(Roles.Coordinator);

    private static async Task<(List<JsonObject> Items, int Total)> ListAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/admin/audit" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ([.. body["items"]!.AsArray().Select(i => i!.AsObject())], body["total"]!.GetValue<int>());
    }

    private static string Today() => HelsinkiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<T> InAsync<TContext, T>(Func<TContext, Task<T>> read)
        where TContext : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}

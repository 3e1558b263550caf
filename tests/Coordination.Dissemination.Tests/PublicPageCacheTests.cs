using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Features.Newsletter;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>Visitors' method bank and newsletter archive come from the output cache (an answer
/// served from it carries <c>Age</c>) and change at once after a publish, an edit, a withdrawal
/// or a sent issue: the module's commit evicts its pages.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PublicPageCacheTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await DisseminationSetup.NetworkAsync(App, _coordinator);
    }


    [Test]
    public async Task The_method_bank_model_and_theme_pages_change_at_once_after_a_publish_an_edit_and_a_withdrawal()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var theme = "Välimuisti" + stamp;
        var guest = App.CreateClient();
        var other = await DisseminationSetup.PublishedAsync(_coordinator, DisseminationSetup.Card(_network, null, $"Teeman ensimmäinen {stamp}", themes: [theme]));
        Assert.That(await VisitorPages.CachedAsync(guest, "/method-bank"), Does.Not.Contain($"Uusi malli {stamp}"));
        Assert.That(await VisitorPages.CachedAsync(guest, $"/method-bank?theme={Uri.EscapeDataString(theme)}"), Does.Not.Contain($"Uusi malli {stamp}"));
        Assert.That(await VisitorPages.CachedAsync(guest, $"/method-bank/themes/{Uri.EscapeDataString(theme)}"), Does.Not.Contain($"Uusi malli {stamp}"));

        var id = await DisseminationSetup.PublishedAsync(_coordinator, DisseminationSetup.Card(_network, null, $"Uusi malli {stamp}", themes: [theme]));
        Assert.Multiple(async () =>
        {
            Assert.That(await guest.GetStringAsync("/method-bank"), Does.Contain($"Uusi malli {stamp}"), "after the publish");
            Assert.That(await guest.GetStringAsync($"/method-bank?theme={Uri.EscapeDataString(theme)}"), Does.Contain($"Uusi malli {stamp}"));
            Assert.That(await guest.GetStringAsync($"/method-bank/themes/{Uri.EscapeDataString(theme)}"), Does.Contain($"Uusi malli {stamp}"));
        });

        Assert.That(await VisitorPages.CachedAsync(guest, $"/method-bank/{id}"), Does.Contain($"Uusi malli {stamp}"));
        Assert.That(await VisitorPages.CachedAsync(guest, "/method-bank"), Does.Contain($"Uusi malli {stamp}"));
        var edit = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(DisseminationSetup.Card(_network, null, $"Muokattu malli {stamp}", themes: [theme])))!.AsObject();
        edit["version"] = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{id}"))!["version"]!.GetValue<int>();
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/dissemination/models/{id}", edit)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(async () =>
        {
            Assert.That(await guest.GetStringAsync($"/method-bank/{id}"), Does.Contain($"Muokattu malli {stamp}").And.Not.Contain($"Uusi malli {stamp}"), "after the edit");
            Assert.That(await guest.GetStringAsync("/method-bank"), Does.Contain($"Muokattu malli {stamp}"));
        });

        await VisitorPages.CachedAsync(guest, $"/method-bank/{id}");
        await VisitorPages.CachedAsync(guest, $"/method-bank/themes/{Uri.EscapeDataString(theme)}");
        Assert.That((await _coordinator.PostAsync($"/api/v1/dissemination/models/{id}/unpublish", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(async () =>
        {
            // A visitor is sent to sign in (the client follows the redirect).
            Assert.That(await guest.GetStringAsync($"/method-bank/{id}"), Does.Not.Contain($"Muokattu malli {stamp}"), "withdrawn: no longer public");
            Assert.That(await guest.GetStringAsync("/method-bank"), Does.Not.Contain($"Muokattu malli {stamp}"));
            Assert.That(await guest.GetStringAsync($"/method-bank/themes/{Uri.EscapeDataString(theme)}"), Does.Not.Contain($"Muokattu malli {stamp}"));
        });
        Assert.That(other, Is.Not.EqualTo(id));
    }

    [Test]
    public async Task Marking_newsletter_deliveries_keeps_the_pages_and_a_model_write_evicts_them()
    {
        var guest = App.CreateClient();
        await VisitorPages.CachedAsync(guest, "/newsletter");
        await VisitorPages.CachedAsync(guest, "/method-bank");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // What a send does for each recipient: a delivery log row marked (none matches here;
            // the eviction reads the statement, not the rows).
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            await db.Deliveries.Where(d => d.Id == Guid.Empty).ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, d => d.Attempts + 1));
        }

        Assert.Multiple(async () =>
        {
            Assert.That((await guest.GetAsync("/newsletter")).Headers.Age, Is.Not.Null, "the delivery log is on no visitor's page");
            Assert.That((await guest.GetAsync("/method-bank")).Headers.Age, Is.Not.Null);
        });

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisseminationDbContext>();
            await db.Models.Where(m => m.Id == Guid.Empty).ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, m => m.Version + 1));
        }

        Assert.That((await guest.GetAsync("/method-bank")).Headers.Age, Is.Null, "a write to the models evicts the module's pages");
    }

    [Test]
    public async Task Finnish_and_Swedish_pages_are_cached_apart()
    {
        var guest = App.CreateClient();
        Assert.That(await VisitorPages.CachedAsync(guest, "/method-bank"), Does.Contain("<html lang=\"fi\""));
        var swedish = new HttpRequestMessage(HttpMethod.Get, "/method-bank");
        swedish.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dsv%7Cuic%3Dsv");
        Assert.That(await (await guest.SendAsync(swedish)).Content.ReadAsStringAsync(), Does.Contain("<html lang=\"sv\""), "the language switch's cookie");
        Assert.That(await guest.GetStringAsync("/method-bank?culture=sv"), Does.Contain("<html lang=\"sv\""));
        Assert.That(await guest.GetStringAsync("/method-bank"), Does.Contain("<html lang=\"fi\""), "the Finnish entry is kept");
    }

    [Test]
    public async Task A_signed_in_person_is_never_served_a_visitors_page_and_their_page_is_never_cached()
    {
        var guest = App.CreateClient();
        await VisitorPages.CachedAsync(guest, "/method-bank");
        var member = await App.BrowserClientAsync(Roles.Coordinator);
        var first = await member.GetAsync("/method-bank");
        var second = await member.GetAsync("/method-bank");
        Assert.Multiple(async () =>
        {
            Assert.That(first.Headers.Age, Is.Null, "not the visitors' cached page");
            Assert.That(second.Headers.Age, Is.Null, "their own page is not cached");
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("/account/sign-out"));
            Assert.That(await guest.GetStringAsync("/method-bank"), Does.Not.Contain("/account/sign-out"), "nor is it served to a visitor");
        });
    }
}

/// <summary>The newsletter archive shows an issue at once when it has been sent.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ArchiveCacheTests(Provider provider)
{
    [Test]
    public async Task The_archive_shows_an_issue_at_once_when_it_has_been_sent()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?>
        {
            ["Coordination:Email:SmtpHost"] = "127.0.0.1",
            ["Coordination:Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Coordination:Email:SmtpSecurity"] = "None",
            ["Coordination:Email:FromAddress"] = "uutiskirje@example.fi",
            ["Coordination:Newsletter:MessagesPerSecond"] = "1000",
        });
        var coordinator = await app.ApiClientAsync(Roles.Coordinator);
        var guest = app.CreateClient();
        await guest.GetAsync("/newsletter");
        Assert.That((await guest.GetAsync("/newsletter")).Headers.Age, Is.Not.Null, "cached before the send");

        var stamp = Guid.NewGuid().ToString("N")[..6];
        var issue = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new
        {
            subject = new { fi = $"Arkistoitu numero {stamp}", sv = $"Arkiverat nummer {stamp}" }, editorial = new { fi = "Tervetuloa." },
        }));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/newsletter/issues/{issue}/send", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await guest.GetStringAsync("/newsletter"), Does.Not.Contain(stamp), "scheduled, not sent yet");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<SendNewslettersJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        }

        Assert.That(await guest.GetStringAsync("/newsletter"), Does.Contain($"Arkistoitu numero {stamp}"), "sent: in the archive at once");
    }
}

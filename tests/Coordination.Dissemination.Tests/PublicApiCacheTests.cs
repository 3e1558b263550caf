using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Shared.Security;

namespace Coordination.Dissemination.Tests;

/// <summary>The method bank's public API answers to anonymous callers come from the output cache
/// like the visitors' pages (an answer served from it carries <c>Age</c>), one entry per query
/// string, and change at once after a publish, an edit or a withdrawal; a caller with a token is
/// never served a cached answer (the API reads no cookie: a signed-in browser is a visitor there).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PublicApiCacheTests(Provider provider) : AppFixture(provider)
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
    public async Task The_list_search_and_theme_answers_change_at_once_after_a_publish_an_edit_and_a_withdrawal()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var theme = "Rajapinta" + stamp;
        var guest = App.CreateClient();
        await DisseminationSetup.PublishedAsync(_coordinator, DisseminationSetup.Card(_network, null, $"Teeman ensimmäinen {stamp}", themes: [theme]));
        string[] answers =
        [
            $"/api/v1/dissemination/models?q=malli+{stamp}", $"/api/v1/dissemination/search?q=malli+{stamp}",
            $"/api/v1/dissemination/models?theme={Uri.EscapeDataString(theme)}", $"/api/v1/dissemination/themes/{Uri.EscapeDataString(theme)}",
        ];
        foreach (var path in answers)
        {
            Assert.That(await VisitorPages.CachedAsync(guest, path), Does.Not.Contain($"Uusi malli {stamp}"), path);
        }

        var id = await DisseminationSetup.PublishedAsync(_coordinator, DisseminationSetup.Card(_network, null, $"Uusi malli {stamp}", themes: [theme]));
        foreach (var path in answers)
        {
            Assert.That(await guest.GetStringAsync(path), Does.Contain($"Uusi malli {stamp}"), $"{path} after the publish");
        }

        Assert.That(await VisitorPages.CachedAsync(guest, $"/api/v1/dissemination/models/{id}"), Does.Contain($"Uusi malli {stamp}"));
        foreach (var path in answers)
        {
            await VisitorPages.CachedAsync(guest, path);
        }

        var edit = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(DisseminationSetup.Card(_network, null, $"Muokattu malli {stamp}", themes: [theme])))!.AsObject();
        edit["version"] = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{id}"))!["version"]!.GetValue<int>();
        Assert.That((await _coordinator.PutAsJsonAsync($"/api/v1/dissemination/models/{id}", edit)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        foreach (var path in answers.Append($"/api/v1/dissemination/models/{id}"))
        {
            Assert.That(await guest.GetStringAsync(path), Does.Contain($"Muokattu malli {stamp}").And.Not.Contain($"Uusi malli {stamp}"), $"{path} after the edit");
            await VisitorPages.CachedAsync(guest, path);
        }

        Assert.That((await _coordinator.PostAsync($"/api/v1/dissemination/models/{id}/unpublish", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await guest.GetAsync($"/api/v1/dissemination/models/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "withdrawn: no longer public");
        foreach (var path in answers)
        {
            Assert.That(await guest.GetStringAsync(path), Does.Not.Contain($"Muokattu malli {stamp}"), $"{path} after the withdrawal");
        }
    }

    [Test]
    public async Task Each_query_string_has_its_own_entry()
    {
        var first = Guid.NewGuid().ToString("N")[..6];
        var second = Guid.NewGuid().ToString("N")[..6];
        await DisseminationSetup.PublishedAsync(_coordinator, DisseminationSetup.Card(_network, null, $"Kyselymalli {first}"));
        await DisseminationSetup.PublishedAsync(_coordinator, DisseminationSetup.Card(_network, null, $"Kyselymalli {second}"));
        var guest = App.CreateClient();
        Assert.That(await VisitorPages.CachedAsync(guest, $"/api/v1/dissemination/models?q={first}"), Does.Contain(first).And.Not.Contain(second));
        Assert.That(await VisitorPages.CachedAsync(guest, $"/api/v1/dissemination/models?q={second}"), Does.Contain(second).And.Not.Contain(first));
        var paged = await VisitorPages.CachedAsync(guest, $"/api/v1/dissemination/models?q={first}&pageSize=1&page=2");
        Assert.That(JsonNode.Parse(paged)!["items"]!.AsArray(), Is.Empty, "the second page of one hit");
    }

    [Test]
    public async Task A_caller_with_a_token_is_never_served_a_cached_answer_and_theirs_is_never_cached()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var draft = await DisseminationSetup.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, null, $"Luonnos {stamp}")));
        var guest = App.CreateClient();
        await VisitorPages.CachedAsync(guest, "/api/v1/dissemination/models");
        var list = await _coordinator.GetAsync("/api/v1/dissemination/models");
        Assert.That(list.Headers.Age, Is.Null, "not the visitors' cached answer");
        for (var i = 0; i < 2; i++)
        {
            var own = await _coordinator.GetAsync($"/api/v1/dissemination/models/{draft}");
            Assert.Multiple(async () =>
            {
                Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the draft for its editor");
                Assert.That(own.Headers.Age, Is.Null, "their own answer is not cached");
                Assert.That(await own.Content.ReadAsStringAsync(), Does.Contain($"Luonnos {stamp}"));
            });
        }

        Assert.That((await guest.GetAsync($"/api/v1/dissemination/models/{draft}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nor is it served to a visitor");
    }
}

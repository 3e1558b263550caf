using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Tests;

/// <summary>The method bank: who writes which models, drafts and publishing, history and
/// concurrency, events for other modules, attachments, relations, search, harmless Markdown.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class MethodBankTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;
    private Guid _network;
    private Guid _project;
    private Guid _otherProject;
    private HttpClient _manager = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _network = await DisseminationSetup.NetworkAsync(App, _coordinator);
        _project = await DisseminationSetup.ProjectAsync(App, _coordinator, _network, "OMA");
        _otherProject = await DisseminationSetup.ProjectAsync(App, _coordinator, _network, "MUU");
        (_manager, _) = await DisseminationSetup.ProjectManagerAsync(App, _coordinator, _project);
    }

    [Test]
    public async Task A_project_manager_writes_their_own_projects_models_and_the_public_sees_only_published_ones()
    {
        var id = await DisseminationSetup.IdOfAsync(await _manager.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, _project, "Vertaisohjauksen malli")));
        Assert.That((await _manager.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, _otherProject, "Vieras malli"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _manager.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, null, "Verkoston malli"))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the network's own models are the coordinators'");
        Assert.That((await _coordinator.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, null, "Verkoston malli"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var guest = App.CreateClient();
        Assert.That((await guest.GetAsync($"/api/v1/dissemination/models/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a draft is not public");
        Assert.That((await _manager.PostAsync($"/api/v1/dissemination/models/{id}/submit-for-review", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "publish first");
        Assert.That((await _manager.PostAsync($"/api/v1/dissemination/models/{id}/publish", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var card = await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{id}");
        Assert.That(card!["project"]!.GetValue<string>(), Does.StartWith("OMA"));
        Assert.That(card["organisations"]!.AsArray(), Has.Count.EqualTo(1));
        var page = await guest.GetStringAsync($"/method-bank/{id}");
        Assert.That(page, Does.Contain("Vertaisohjauksen malli"));

        var other = await App.ApiClientAsync(Roles.ProjectManager);
        Assert.That((await other.PutAsJsonAsync($"/api/v1/dissemination/models/{id}", DisseminationSetup.Card(_network, _project, "Kaapattu"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _manager.PostAsync($"/api/v1/dissemination/models/{id}/submit-for-review", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var events = await DisseminationSetup.InDisseminationAsync(App, db => db.OutboxMessages.Where(m => m.Payload.Contains(id.ToString())).Select(m => m.Type).ToListAsync());
        Assert.That(events.Select(t => t.Split(',')[0].Split('.')[^1]), Is.EquivalentTo(new[] { "ModelPublished", "ModelSubmittedForReview" }));
    }

    [Test]
    public async Task Every_save_is_kept_and_a_stale_edit_is_refused()
    {
        var id = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, "Versioitu malli"));
        var card = await _manager.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models/{id}");
        var version = card!["version"]!.GetValue<int>();
        var edit = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(DisseminationSetup.Card(_network, _project, "Versioitu malli, päivitetty")))!.AsObject();
        edit["version"] = version;
        Assert.That((await _manager.PutAsJsonAsync($"/api/v1/dissemination/models/{id}", edit)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await _manager.PutAsJsonAsync($"/api/v1/dissemination/models/{id}", edit)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "edited from an old version");
        var versions = await _manager.GetFromJsonAsync<JsonArray>($"/api/v1/dissemination/models/{id}/versions");
        Assert.That(versions!.Select(v => v!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "edit", "publish", "create" }));
        Assert.That(await DisseminationSetup.InDisseminationAsync(App, db => db.OutboxMessages.CountAsync(m => m.Type.Contains("ModelUpdated") && m.Payload.Contains(id.ToString()))), Is.EqualTo(1));

        var invalid = await _manager.PostAsJsonAsync("/api/v1/dissemination/models", new { networkId = _network, projectId = _project, title = new { fi = "" }, contactEmail = "ei-osoite", links = new[] { new { url = "javascript:alert(1)" } } });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key);
        Assert.That(errors, Is.SupersetOf(new[] { "title.fi", "summary", "challenge", "method", "result", "contactEmail", "links[0]" }));
    }

    [Test]
    public async Task Search_finds_compound_words_by_their_parts_and_filters_by_theme()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var guidance = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, $"Opinto-ohjausmalli {stamp}", "Ryhmämuotoinen opinto-ohjaus.", ["Ohjaus" + stamp]));
        var wellbeing = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, $"Hyvinvointijohtamisen työkalut {stamp}", "Johdon hyvinvointikysely.", ["Hyvinvointi" + stamp], titleSv: $"Verktyg för välmående {stamp}"));
        var draft = await DisseminationSetup.IdOfAsync(await _manager.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, _project, $"Ohjauksen luonnos {stamp}")));
        var guest = App.CreateClient();

        async Task<List<Guid>> FindAsync(string query) => [.. (await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models?q={Uri.EscapeDataString(query)}&pageSize=100"))!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];

        Assert.That(await FindAsync($"ohjaus {stamp}"), Is.EqualTo(new[] { guidance }), "the part of opinto-ohjausmalli, never the draft");
        Assert.That(await FindAsync($"johtami {stamp}"), Is.EqualTo(new[] { wellbeing }), "the part of hyvinvointijohtamisen");
        Assert.That(await FindAsync($"välmående {stamp}"), Is.EqualTo(new[] { wellbeing }), "Swedish texts are searched too");
        Assert.That(await FindAsync($"OHJAUS {stamp}"), Is.EqualTo(new[] { guidance }));
        Assert.That(await FindAsync($"\"ohjaus\" * ({stamp}"), Is.EqualTo(new[] { guidance }), "query syntax is just words");
        Assert.That(await FindAsync($"kuukausi {stamp}"), Is.Empty);
        var themed = await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models?theme={Uri.EscapeDataString("hyvinvointi" + stamp)}");
        Assert.That(themed!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { wellbeing }));
        Assert.That(draft, Is.Not.EqualTo(Guid.Empty));
        Assert.That(await guest.GetStringAsync($"/method-bank?q=ohjaus+{stamp}"), Does.Contain($"Opinto-ohjausmalli {stamp}"));
    }

    [Test]
    public async Task Pages_beyond_the_first_hold_the_right_models_and_the_total_counts_every_match()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var theme = "Sivutus" + stamp;
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, $"Sivutettu ohjausmalli {i} {stamp}", themes: [theme])));
        }

        await _manager.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, _project, $"Sivutettu luonnos {stamp}", themes: [theme]));
        var guest = App.CreateClient();

        async Task<(List<Guid> Ids, int Total)> PageAsync(string query)
        {
            var json = (await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models?{query}"))!;
            return ([.. json["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())], json["total"]!.GetValue<int>());
        }

        var byTheme = $"theme={Uri.EscapeDataString(theme)}";
        var newestFirst = Enumerable.Reverse(ids).ToList();
        Assert.That(await PageAsync($"{byTheme}&pageSize=100"), Is.EqualTo((newestFirst, 5)), "newest first without words; never the draft");
        Assert.That(await PageAsync($"{byTheme}&pageSize=2&page=2"), Is.EqualTo((newestFirst[2..4], 5)));
        Assert.That(await PageAsync($"{byTheme}&pageSize=2&page=3"), Is.EqualTo((newestFirst[4..], 5)));
        Assert.That(await PageAsync($"{byTheme}&pageSize=2&page=4"), Is.EqualTo((new List<Guid>(), 5)), "past the last page: none, and still the total");

        var byWords = $"q={Uri.EscapeDataString("ohjausmalli " + stamp)}";
        var (ranked, total) = await PageAsync($"{byWords}&pageSize=100");
        Assert.That(total, Is.EqualTo(5));
        Assert.That(ranked, Is.EquivalentTo(ids));
        Assert.That(await PageAsync($"{byWords}&pageSize=2&page=2"), Is.EqualTo((ranked[2..4], 5)), "the second page of the same ranking");
        Assert.That(await PageAsync($"{byWords}&pageSize=2&page=3"), Is.EqualTo((ranked[4..], 5)));
        Assert.That(await PageAsync($"{byWords}&{byTheme}&pageSize=3&page=2"), Is.EqualTo((ranked[3..], 5)), "words and theme together");
        Assert.That(await PageAsync($"{byWords}&inUse=true"), Is.EqualTo((new List<Guid>(), 0)), "none is followed up yet");
        var search = (await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/search?{byWords}"))!;
        Assert.That(search["modelCount"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(search["models"]!.AsArray().Select(m => m!["id"]!.GetValue<Guid>()), Is.EqualTo(ranked));
    }

    [Test]
    public async Task The_theme_list_shows_a_publish_and_a_withdrawal_at_once()
    {
        var theme = "Tuore" + Guid.NewGuid().ToString("N")[..6];
        var guest = App.CreateClient();
        async Task<int?> CountAsync() => (await guest.GetFromJsonAsync<JsonArray>("/api/v1/dissemination/themes"))!
            .Where(t => t!["theme"]!.GetValue<string>() == theme).Select(t => (int?)t!["models"]!.GetValue<int>()).SingleOrDefault();

        Assert.That(await CountAsync(), Is.Null);
        var id = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, $"Tuore malli {theme}", themes: [theme]));
        Assert.That(await CountAsync(), Is.EqualTo(1), "counted again after the publish");
        Assert.That(await guest.GetStringAsync("/method-bank"), Does.Contain(theme), "the method bank's theme filter too");
        Assert.That((await _manager.PostAsync($"/api/v1/dissemination/models/{id}/unpublish", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await CountAsync(), Is.Null, "gone after the withdrawal");
    }

    [Test]
    public async Task Markdown_with_scripts_frames_and_javascript_links_is_rendered_harmless()
    {
        var id = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, "Turvallinen malli",
            "Alku <script>alert('x')</script> <iframe src=\"https://evil.example\"></iframe> [linkki](javascript:alert(1)) <img src=x onerror=alert(2)> **lihava**"));
        var html = await App.CreateClient().GetStringAsync($"/method-bank/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>alert"));
            Assert.That(html, Does.Not.Contain("<iframe"));
            Assert.That(html, Does.Not.Contain("javascript:alert"));
            Assert.That(html, Does.Not.Match("<img[^>]*onerror"));
            Assert.That(html, Does.Contain("<strong>lihava</strong>"));
        });
    }

    [Test]
    public async Task Attachments_are_limited_by_type_and_size_and_drafts_keep_theirs_private()
    {
        var id = await DisseminationSetup.IdOfAsync(await _manager.PostAsJsonAsync("/api/v1/dissemination/models", DisseminationSetup.Card(_network, _project, "Liitteellinen malli")));
        static MultipartFormDataContent File(string name, byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            return new MultipartFormDataContent { { content, "file", name } };
        }

        var pdf = await _manager.PostAsync($"/api/v1/dissemination/models/{id}/attachments", File("opas.pdf", "%PDF-1.4 opas"u8.ToArray(), "application/pdf"));
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.Created), await pdf.Content.ReadAsStringAsync());
        var location = pdf.Headers.Location!.OriginalString;
        var exe = await _manager.PostAsync($"/api/v1/dissemination/models/{id}/attachments", File("ohjelma.exe", [1, 2, 3], "application/octet-stream"));
        Assert.That(exe.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await exe.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain("ei ole sallittu"));
        var big = await _manager.PostAsync($"/api/v1/dissemination/models/{id}/attachments", File("iso.pdf", new byte[(10 * 1024 * 1024) + 1], "application/pdf"));
        Assert.That(big.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var guest = App.CreateClient();
        Assert.That((await guest.GetAsync(location)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a draft's files are not public");
        await _manager.PostAsync($"/api/v1/dissemination/models/{id}/publish", null);
        var download = await guest.GetAsync(location);
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(await download.Content.ReadAsStringAsync(), Is.EqualTo("%PDF-1.4 opas"));
    }

    [Test]
    public async Task Theme_pages_draw_the_relations_and_the_interim_report_lists_every_published_model()
    {
        var theme = "Teema" + Guid.NewGuid().ToString("N")[..6];
        var basis = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, "Perusmalli", themes: [theme]));
        var next = await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, "Jatkomalli", themes: [theme]));
        var related = await _manager.PostAsJsonAsync($"/api/v1/dissemination/models/{next}/relations", new { toModelId = basis, kind = "buildsOn" });
        Assert.That(related.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await _manager.PostAsJsonAsync($"/api/v1/dissemination/models/{basis}/relations", new { toModelId = next, kind = "complements" })).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await _manager.PostAsJsonAsync($"/api/v1/dissemination/models/{basis}/relations", new { toModelId = basis, kind = "complements" })).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var guest = App.CreateClient();
        var compilation = await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/themes/{theme}");
        Assert.That(compilation!["models"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(compilation["relations"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("buildsOn"));
        var page = await guest.GetStringAsync($"/method-bank/themes/{theme}");
        Assert.That(page, Does.Contain("<svg role=\"img\""));
        Assert.That(page, Does.Contain("Jatkomalli – rakentuu mallin päälle – Perusmalli"));

        var report = await guest.GetStringAsync($"/method-bank/report?networkId={_network}");
        Assert.That(report, Does.Contain("Sisällys"));
        Assert.That(report, Does.Contain("Perusmalli"));
        Assert.That(report, Does.Contain("Jatkomalli"));
    }

    [Test]
    public async Task A_theme_with_more_models_than_a_page_shows_a_page_at_a_time_with_links_to_the_others()
    {
        var theme = "Sivutus" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 51; i++)
        {
            await DisseminationSetup.PublishedAsync(_manager, DisseminationSetup.Card(_network, _project, $"Sivumalli {i:00}", themes: [theme]));
        }

        var guest = App.CreateClient();
        var first = await guest.GetStringAsync($"/method-bank/themes/{theme}");
        Assert.That(first, Does.Contain("51 mallia"));
        Assert.That(first, Does.Contain("Sivumalli 51").And.Contain("Sivumalli 02"), "a page of 50, newest first");
        Assert.That(first, Does.Not.Contain("Sivumalli 01"));
        Assert.That(first, Does.Contain("<nav class=\"pager\" aria-label=").And.Not.Contain("rel=\"prev\""));

        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">").Groups[1].Value;
        Assert.That(next, Is.EqualTo($"/method-bank/themes/{theme}?page=2"));
        var second = await guest.GetStringAsync(next);
        Assert.That(second, Does.Contain("Sivumalli 01").And.Not.Contain("Sivumalli 02"));
        Assert.That(second, Does.Contain($"<a href=\"/method-bank/themes/{theme}?page=1\" rel=\"prev\">").And.Not.Contain("rel=\"next\""));

        var api = await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/themes/{theme}?page=2&pageSize=20");
        Assert.That(api!["models"]!.AsArray().Select(m => m!["title"]!["fi"]!.GetValue<string>()), Is.EqualTo(Enumerable.Range(12, 20).Select(i => $"Sivumalli {i:00}").Reverse()));
        Assert.That(api["total"]!.GetValue<int>(), Is.EqualTo(51));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;

namespace Coordination.Membership.Tests;

/// <summary>Networks through the site's forms (server-rendered HTML, antiforgery, PRG).</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class NetworkPageTests(Provider provider) : AppFixture(provider)
{

    [Test]
    public async Task A_coordinator_creates_and_edits_a_network_through_the_forms()
    {
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        var created = await client.PostFormAsync("/membership/networks/new", "/membership/networks/new", new()
        {
            ["name.fi"] = "Lomakkeen verkosto",
            ["name.sv"] = "Formulärets nätverk",
            ["description.fi"] = "Kuvaus <script>alert(1)</script> ja **lihava**",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = created.Headers.Location!.OriginalString;
        Assert.That(location, Does.Match("^/membership/networks/[0-9a-f-]{36}\\?saved=created$"));

        var page = await client.GetStringAsync(location);
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<h1>Lomakkeen verkosto</h1>"));
            Assert.That(page, Does.Contain("Verkosto luotiin."));
            Assert.That(page, Does.Contain("<strong>lihava</strong>"));
            Assert.That(page, Does.Not.Contain("<script>alert"), "Markdown is sanitised");
        });

        var id = location.Split('/', '?')[3];
        var edit = await client.PostFormAsync($"/membership/networks/{id}/edit", $"/membership/networks/{id}/edit", new()
        {
            ["name.fi"] = "Lomakkeen verkosto 2",
            ["version"] = "1",
        });
        Assert.That(edit.Headers.Location!.OriginalString, Is.EqualTo($"/membership/networks/{id}?saved=updated"));
        Assert.That(await client.GetStringAsync($"/membership/networks/{id}"), Does.Contain("<h1>Lomakkeen verkosto 2</h1>"));

        var list = await client.GetStringAsync("/membership/networks?q=lomakkeen");
        Assert.That(list, Does.Contain($"href=\"/membership/networks/{id}\""));
    }

    [Test]
    public async Task An_invalid_form_shows_the_error_beside_the_field_and_keeps_the_input()
    {
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        var response = await client.PostFormAsync("/membership/networks/new", "/membership/networks/new", new() { ["name.fi"] = "", ["name.sv"] = "Bara svenska" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain("id=\"f-name-fi-error\""));
            Assert.That(html, Does.Contain("aria-describedby=\"f-name-fi-error\""));
            Assert.That(html, Does.Contain("href=\"#f-name-fi\""), "the error summary links to the field");
            Assert.That(html, Does.Contain("value=\"Bara svenska\""), "what was typed is kept");
        });
    }

    [Test]
    public async Task A_missing_Swedish_name_falls_back_to_Finnish_visibly()
    {
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        var created = await client.PostFormAsync("/membership/networks/new", "/membership/networks/new", new() { ["name.fi"] = "Vain suomeksi -verkosto" });
        await client.GetAsync("/culture/sv?returnUrl=%2F");
        var page = await client.GetStringAsync(created.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<html lang=\"sv\""));
            Assert.That(page, Does.Contain("endast på finska"));
            Assert.That(page, Does.Contain("<dd lang=\"fi\">Vain suomeksi -verkosto</dd>"));
        });
        var list = await client.GetStringAsync("/membership/networks");
        Assert.That(FallbackName().IsMatch(list), "the list marks the Finnish fallback with lang=fi");
    }

    [Test]
    public async Task Members_see_the_list_without_the_create_button_and_cannot_open_the_form()
    {
        var client = await App.BrowserClientAsync(Roles.Member);
        var list = await client.GetStringAsync("/membership/networks");
        Assert.That(list, Does.Not.Contain("href=\"/membership/networks/new\""));
        var form = await client.GetAsync("/membership/networks/new");
        Assert.That(form.Headers.Location!.AbsolutePath, Is.EqualTo("/account/access-denied"));
    }

    [GeneratedRegex("<span lang=\"fi\">Vain suomeksi -verkosto</span>")]
    private static partial Regex FallbackName();
}

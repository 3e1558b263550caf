using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Host.Identity;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Host.Tests;

/// <summary>What is taken away stops working at once: a sign-out ends that browser session, and a
/// password reset, a lockout, erasure or a coordinator's revocation ends every session and token.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RevocationTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_signed_out_session_cannot_be_replayed()
    {
        var (email, browser) = await SignedInAsync();
        var cookie = AuthCookie(browser);
        Assert.That((await browser.PostFormAsync("/membership/networks", "/account/sign-out", [])).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var replay = WithCookie(cookie);
        Assert.That(await IsSignedInAsync(replay), Is.False, "the cookie taken before sign-out");
        Assert.That(await IsSignedInAsync(await BrowserForAsync(email)), Is.True, "a new sign-in works");
    }

    [Test]
    public async Task A_password_reset_ends_every_session_and_token()
    {
        var (email, browser) = await SignedInAsync();
        var api = await App.ApiClientForAsync(email, CoordinationApp.Password);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.That((await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Toinen-salasana-2026")).Succeeded);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await IsSignedInAsync(browser), Is.False, "the cookie");
            Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token");
        });
    }

    [Test]
    public async Task A_lockout_ends_every_session_and_token()
    {
        var (email, browser) = await SignedInAsync();
        var api = await App.ApiClientForAsync(email, CoordinationApp.Password);
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = "väärä-salasana" });
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await IsSignedInAsync(browser), Is.False, "the cookie");
            Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token");
        });
    }

    [Test]
    public async Task Erasure_ends_every_session_and_token()
    {
        var (email, browser) = await SignedInAsync();
        var api = await App.ApiClientForAsync(email, CoordinationApp.Password);
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var created = await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Poistuva Henkilö", email, language = "fi", roles = Array.Empty<object>() });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        Assert.That((await coordinator.DeleteAsync($"/api/v1/membership/people/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.Multiple(async () =>
        {
            Assert.That(await IsSignedInAsync(browser), Is.False, "the cookie");
            Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token");
        });
    }

    [Test]
    public async Task A_coordinator_ends_a_persons_sessions_and_tokens_through_the_API_and_it_is_audited()
    {
        var (email, browser) = await SignedInAsync();
        var api = await App.ApiClientForAsync(email, CoordinationApp.Password);
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var found = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/admin/accounts?q={Uri.EscapeDataString(email)}");
        var account = found!["items"]!.AsArray().Single()!;
        Assert.That(account["email"]!.GetValue<string>(), Is.EqualTo(email));
        var id = account["id"]!.GetValue<string>();
        Assert.That((await api.PostAsync($"/api/v1/admin/accounts/{id}/revocation", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "members may not");

        var revoked = await coordinator.PostAsync($"/api/v1/admin/accounts/{id}/revocation", null);
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(async () =>
        {
            Assert.That(await IsSignedInAsync(browser), Is.False, "the cookie");
            Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the token");
            Assert.That((await coordinator.PostAsync($"/api/v1/admin/accounts/{Guid.NewGuid()}/revocation", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });

        await using var scope = App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IdentityDb>().Set<Coordination.Shared.Data.AuditEntry>().Where(a => a.EntityId == id).ToListAsync();
        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "RevokeSessions" }));
        Assert.That(audit[0].UserId, Is.Not.Null);
    }

    [Test]
    public async Task A_coordinator_ends_a_persons_sessions_on_the_accounts_page()
    {
        var (email, browser) = await SignedInAsync();
        var coordinator = await App.BrowserClientAsync(Roles.Coordinator);
        var page = await coordinator.GetAsync($"/admin/accounts?q={Uri.EscapeDataString(email)}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var action = System.Text.RegularExpressions.Regex.Match(html, @"action=""(/admin/accounts/[^""]+/revoke)""").Groups[1].Value;
        Assert.That(action, Is.Not.Empty, "the page offers to end the sessions");

        var posted = await coordinator.PostFormAsync($"/admin/accounts?q={Uri.EscapeDataString(email)}", action, []);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await IsSignedInAsync(browser), Is.False);
        Assert.That(await IsSignedInAsync(coordinator), Is.True, "the coordinator's own session goes on");
    }

    private async Task<(string Email, HttpClient Browser)> SignedInAsync()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var browser = await BrowserForAsync(email);
        Assert.That(await IsSignedInAsync(browser), Is.True);
        return (email, browser);
    }

    private async Task<HttpClient> BrowserForAsync(string email)
    {
        var cookies = new CookieContainer();
        var browser = App.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        _cookies[browser] = cookies;
        var response = await browser.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = email, ["password"] = CoordinationApp.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return browser;
    }

    /// <summary>A members' page answers (not a redirect to the sign-in page).</summary>
    private static async Task<bool> IsSignedInAsync(HttpClient client)
        => (await client.GetAsync("/membership/networks")).StatusCode == HttpStatusCode.OK;

    private readonly Dictionary<HttpClient, CookieContainer> _cookies = [];

    private string AuthCookie(HttpClient browser)
        => "coordination.auth=" + _cookies[browser].GetCookies(App.Server.BaseAddress)["coordination.auth"]!.Value;

    private HttpClient WithCookie(string cookie)
    {
        var client = App.CreateDefaultClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}

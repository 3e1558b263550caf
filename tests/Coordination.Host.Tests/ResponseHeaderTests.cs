using System.Net;
using System.Net.Http.Json;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Headers that keep pages out of frames and API answers out of caches, and the sign-in
/// cookie marked Secure when the site is served over HTTPS behind a proxy.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ResponseHeaderTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task The_jobs_dashboard_may_not_be_framed()
    {
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        var response = await client.GetAsync("/jobs");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"));
            Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        });
    }

    [Test]
    public async Task API_answers_are_not_stored_by_caches()
    {
        var api = await App.ApiClientAsync(Roles.Member);
        var ok = await api.GetAsync("/api/v1/membership/networks");
        var problem = await App.CreateClient().GetAsync("/api/v1/membership/networks");
        var token = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email = CoordinationApp.AdminEmail, password = CoordinationApp.AdminPassword });
        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ok.Headers.CacheControl?.NoStore, Is.True, "a JSON answer");
            Assert.That(problem.Headers.CacheControl?.NoStore, Is.True, "a problem answer");
            Assert.That(token.Headers.CacheControl?.NoStore, Is.True, "a token");
        });
    }

    [Test]
    public async Task Behind_an_HTTPS_proxy_the_sign_in_cookie_is_Secure()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["ForwardedHeaders_Enabled"] = "true" });
        var client = app.CreateBrowserClient();
        var page = await client.GetStringAsync("/account/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = CoordinationApp.AdminEmail,
                ["password"] = CoordinationApp.AdminPassword,
                ["__RequestVerificationToken"] = FormPosting.AntiforgeryToken(page),
            }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coordination.auth=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("secure").IgnoreCase);
    }

    [Test]
    public async Task A_site_with_an_https_address_marks_its_cookies_Secure_even_if_the_proxy_is_not_trusted()
    {
        // Production, no forwarded headers: the request reaches the site as plain http.
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["environment"] = "Production" });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://koordinaatio.example.fi"), AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/sign-in");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coordination.af=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = CoordinationApp.AdminEmail,
                ["password"] = CoordinationApp.AdminPassword,
                ["__RequestVerificationToken"] = FormPosting.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coordination.auth=", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.Contain("secure").IgnoreCase, "the sign-in cookie");
            Assert.That(antiforgery, Does.Contain("secure").IgnoreCase, "the antiforgery cookie");
        });
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Sign-in, lockout, rate limits, tokens and the password reset by e-mail.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class AccountTests(Provider provider) : AppFixture(provider)
{

    [Test]
    public async Task The_bootstrap_coordinator_signs_in_and_out()
    {
        var client = App.CreateBrowserClient();
        var signIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new()
        {
            ["email"] = CoordinationApp.AdminEmail,
            ["password"] = CoordinationApp.AdminPassword,
            ["returnUrl"] = "/membership/networks",
        });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signIn.Headers.Location!.OriginalString, Is.EqualTo("/membership/networks"));
        Assert.That((await client.GetAsync("/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var signOut = await client.PostFormAsync("/membership/networks", "/account/sign-out", []);
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await client.GetAsync("/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Sign_in_never_redirects_off_the_site()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var response = await App.CreateBrowserClient().PostFormAsync("/account/sign-in", "/account/sign-in", new()
        {
            ["email"] = email,
            ["password"] = CoordinationApp.Password,
            ["returnUrl"] = "//evil.example/",
        });
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public async Task A_wrong_password_shows_an_error_beside_the_field()
    {
        var response = await App.CreateBrowserClient().PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = CoordinationApp.AdminEmail, ["password"] = "väärä-salasana" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain("Sähköposti tai salasana on väärin."));
            Assert.That(html, Does.Contain("aria-invalid=\"true\""));
        });
    }

    [Test]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var response = await App.CreateBrowserClient().PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@example.fi", ["password"] = "x" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Lomake on voinut vanhentua"), "the site answers with a page, not JSON");
    }

    [Test]
    public async Task Repeated_failures_lock_the_account()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = "wrong-password" });
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = CoordinationApp.Password });
        var problem = await locked.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(problem!["title"]!.GetValue<string>(), Does.Contain("lukittu"));
    }

    [Test]
    public async Task The_token_endpoint_issues_a_token_that_the_API_accepts()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = CoordinationApp.Password });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(body!["token"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(body["expiresAt"]!.GetValue<DateTimeOffset>(), Is.GreaterThan(DateTimeOffset.UtcNow.AddHours(1)));
        });
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", body!["token"]!.GetValue<string>());
        Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        api.DefaultRequestHeaders.Authorization = new("Bearer", "forged" + body["token"]!.GetValue<string>());
        Assert.That((await api.GetAsync("/api/v1/membership/networks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_token_endpoint_validates_its_input()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email = "", password = "" });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "email", "password" }));
    }

    [Test]
    public async Task A_forgotten_password_is_reset_through_the_link_in_the_email()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var client = App.CreateBrowserClient();
        var before = (await App.MailAsync()).Count;
        var asked = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["email"] = email });
        Assert.That(await asked.Content.ReadAsStringAsync(), Does.Contain("Jos osoitteella on tili"));
        var mail = (await App.MailAsync()).Skip(before).Single(m => m.To.Mailboxes.Single().Address == email);
        Assert.That(mail.Subject, Is.EqualTo("Uusi salasana – Koordinaatio"));
        var link = ResetLink().Match(mail.TextBody ?? "").Value;
        Assert.That(link, Is.Not.Empty, "the mail carries a reset link: " + mail.TextBody);

        var path = new Uri(link).PathAndQuery;
        var reset = await client.PostFormAsync(path, "/account/reset-password", new()
        {
            ["email"] = email,
            ["token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!,
            ["password"] = "Uusi-salasana-99",
            ["confirm"] = "Uusi-salasana-99",
        });
        Assert.That(await reset.Content.ReadAsStringAsync(), Does.Contain("Salasana on vaihdettu"));
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/auth/tokens", new { email, password = "Uusi-salasana-99" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var unknown = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["email"] = "nobody@example.fi" });
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("Jos osoitteella on tili"), "the answer does not reveal whether an account exists");
    }

    [Test]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:RateLimits:SignInPerMinute"] = "3" });
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = "x@example.fi", password = "y" })).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task The_language_switch_shows_pages_in_Swedish_and_English()
    {
        var client = App.CreateBrowserClient();
        var switched = await client.GetAsync("/culture/sv?returnUrl=%2Faccount%2Fsign-in");
        Assert.That(switched.Headers.Location!.OriginalString, Is.EqualTo("/account/sign-in"));
        var swedish = await client.GetStringAsync("/account/sign-in");
        Assert.That(swedish, Does.Contain("<html lang=\"sv\"").And.Contain("Logga in"));
        await client.GetAsync("/culture/en?returnUrl=%2F");
        Assert.That(await client.GetStringAsync("/account/sign-in"), Does.Contain("<html lang=\"en\"").And.Contain("Sign in"));
        Assert.That((await client.GetAsync("/culture/de")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_fresh_install_without_configuration_gets_a_coordinator_with_a_random_password_in_the_data_folder()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["Coordination:Bootstrap:AdminEmail"] = "", ["Coordination:Bootstrap:AdminPassword"] = "" });
        _ = app.Server;
        var file = await File.ReadAllTextAsync(Path.Combine(database.DataDirectory, "initial-coordinator.txt"));
        var match = Regex.Match(file, "as (\\S+) with the password (\\S+)");
        var coordinator = await app.ApiClientForAsync(match.Groups[1].Value, match.Groups[2].Value);
        var created = await coordinator.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Ensimmäinen verkosto" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("/%09/evil.example")]
    [TestCase("/%0D%0ALocation:%20https://evil.example/")]
    [TestCase("/%00")]
    [TestCase("/member%0Aship")]
    public async Task A_return_address_with_control_characters_leads_to_the_front_page(string returnUrl)
    {
        var client = App.CreateBrowserClient();
        var culture = await client.GetAsync($"/culture/fi?returnUrl={returnUrl}");
        var page = await client.GetAsync($"/account/sign-in?returnUrl={returnUrl}");
        var email = await App.CreateUserAsync(Roles.Member);
        var signIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new()
        {
            ["email"] = email,
            ["password"] = CoordinationApp.Password,
            ["returnUrl"] = Uri.UnescapeDataString(returnUrl),
        });
        Assert.Multiple(() =>
        {
            Assert.That(culture.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(culture.Headers.Location?.OriginalString, Is.EqualTo("/"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            if (Uri.UnescapeDataString(returnUrl).Contains('\0'))
            {
                // ASP.NET's form reader refuses a NUL in a posted form before any endpoint runs
                // (dotnet/aspnetcore#29420): the answer is a refused request, never an error of
                // the site. The site's own form never posts one (its field holds "/").
                Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), () => signIn.Content.ReadAsStringAsync().Result);
            }
            else
            {
                Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), () => signIn.Content.ReadAsStringAsync().Result);
                Assert.That(signIn.Headers.Location?.OriginalString, Is.EqualTo("/"));
            }
        });
    }

    [Test]
    public async Task Unknown_addresses_wrong_passwords_and_locked_accounts_get_one_and_the_same_answer()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var unknown = $"ei-ole-{Guid.NewGuid():N}@example.fi";
        var client = App.CreateClient();
        async Task<(HttpStatusCode, string)> AskAsync(string address, string password)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email = address, password });
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        }

        var first = await AskAsync(unknown, "väärä-salasana");
        var wrong = await AskAsync(email, "väärä-salasana");
        for (var i = 0; i < 5; i++)
        {
            await AskAsync(email, "väärä-salasana");
            await AskAsync(unknown, "väärä-salasana");
        }

        var locked = await AskAsync(email, CoordinationApp.Password);
        var unknownAfterMany = await AskAsync(unknown, "väärä-salasana");
        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.EqualTo(first));
            Assert.That(locked, Is.EqualTo(first), "a locked account answers as an unknown address does");
            Assert.That(unknownAfterMany, Is.EqualTo(first));
            Assert.That(first.Item1, Is.EqualTo(HttpStatusCode.Unauthorized));
        });

        var form = App.CreateBrowserClient();
        var lockedForm = await (await form.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = email, ["password"] = CoordinationApp.Password })).Content.ReadAsStringAsync();
        var unknownForm = await (await form.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = unknown, ["password"] = CoordinationApp.Password })).Content.ReadAsStringAsync();
        Assert.That(ErrorText().Match(lockedForm).Value, Is.EqualTo(ErrorText().Match(unknownForm).Value).And.Not.Empty);
    }

    [GeneratedRegex(@"(?<=<p class=""error""[^>]*><span[^>]*>[^<]*</span>)[^<]+")]
    private static partial Regex ErrorText();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

using System.Net;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Links leave the site only from <c>Coordination:PublicBaseUrl</c>: never from the
/// request's Host header (reset-link poisoning), never relative; production needs the address
/// and serves no other host.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class PublicAddressTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_reset_link_comes_from_the_configured_address_whatever_the_Host_header_says()
    {
        var mail = await ForgotPasswordAsync(App, "evil.example");
        Assert.Multiple(() =>
        {
            Assert.That(ResetLink().Match(mail.TextBody ?? "").Value, Does.StartWith(CoordinationApp.PublicBaseUrl + "/account/reset-password?"));
            Assert.That(mail.TextBody, Does.Not.Contain("evil.example"));
            Assert.That(mail.MessageId, Does.EndWith("@koordinaatio.example.fi"), "the Message-ID names the public host, not the machine");
        });
    }

    [Test]
    public async Task In_development_links_default_to_localhost_port_5000_whatever_the_Host_header_says()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["environment"] = "Development", ["Coordination:PublicBaseUrl"] = "" });
        var mail = await ForgotPasswordAsync(app, "evil.example");
        Assert.That(ResetLink().Match(mail.TextBody ?? "").Value, Does.StartWith("http://localhost:5000/account/reset-password?"));
    }

    [Test]
    public async Task Production_refuses_to_start_without_a_public_address_and_says_why()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["environment"] = "Production", ["Coordination:PublicBaseUrl"] = "" });
        var error = Assert.Catch(() => _ = app.Server);
        Assert.That(error?.ToString(), Does.Contain("Coordination__PublicBaseUrl"));
    }

    [Test]
    public async Task In_production_the_site_answers_only_to_its_public_host()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var app = new CoordinationApp(database, new Dictionary<string, string?> { ["environment"] = "Production" });
        var client = app.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forged.Headers.Host = "evil.example";
        using var own = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        own.Headers.Host = "koordinaatio.example.fi";
        Assert.Multiple(async () =>
        {
            Assert.That((await client.SendAsync(forged)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await client.SendAsync(own)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    /// <summary>Asks for a reset link as a new member, with the given Host header.</summary>
    private static async Task<MimeKit.MimeMessage> ForgotPasswordAsync(CoordinationApp app, string host)
    {
        var email = await app.CreateUserAsync(Roles.Member);
        var client = app.CreateBrowserClient();
        var token = FormPosting.AntiforgeryToken(await client.GetStringAsync("/account/forgot-password"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = host;
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return app.PickedUpMail().Single(m => m.To.Mailboxes.Single().Address == email);
    }

    [GeneratedRegex(@"\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

/// <summary>The README's `dotnet run` starts the site in Development, where the public address
/// defaults to http://localhost:5000: without its launch profile a fresh clone ran in Production
/// and stopped at once, asking for PublicBaseUrl.</summary>
public sealed class LaunchProfileTests
{
    [Test]
    public void Dotnet_run_starts_in_development_on_the_default_public_address()
    {
        var file = Path.Combine(SourceTree.Root, "Host", "Coordination.Host", "Properties", "launchSettings.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        // dotnet run takes the first profile that runs the project.
        var profile = json.RootElement.GetProperty("profiles").EnumerateObject()
            .First(p => p.Value.GetProperty("commandName").GetString() == "Project").Value;
        Assert.Multiple(() =>
        {
            Assert.That(profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString(), Is.EqualTo("Development"));
            Assert.That(profile.GetProperty("applicationUrl").GetString(), Is.EqualTo(Coordination.Shared.Web.PublicUrl.DevelopmentDefault));
        });
    }
}

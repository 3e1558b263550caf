using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Coordination.Host.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Coordination.Testing;

/// <summary>The real Host on a <see cref="TestDatabase"/>: every module, real SQLite or
/// PostgreSQL, e-mail to the pickup folder. Settings override configuration keys; a
/// <paramref name="clock"/> replaces the system clock (e.g. a <see cref="ManualClock"/>).</summary>
public sealed partial class CoordinationApp(TestDatabase database, IDictionary<string, string?>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "koordinaattori@example.fi";
    public const string AdminPassword = "Koordinaattori-2026";
    public const string Password = "Salasana-2026";

    /// <summary>The site's public address in tests (links in e-mails start with it).</summary>
    public const string PublicBaseUrl = "https://koordinaatio.example.fi";

    /// <summary>Hosts of one process start one at a time: Hangfire's AddHangfire hands each host
    /// the process-wide JobStorage.Current (and JobActivator.Current) as they are while it starts,
    /// so two hosts starting at once could take each other's job storage. Once started, each
    /// host keeps its own, and tests of several hosts may run in parallel.</summary>
    private static readonly Lock StartLock = new();

    public TestDatabase Database { get; } = database;

    public string MailPickup => Path.Combine(Database.DataDirectory, "mail-pickup");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["Coordination:DataDirectory"] = Database.DataDirectory,
            ["Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:Coordination"] = Database.ConnectionString,
            ["Coordination:Bootstrap:AdminEmail"] = AdminEmail,
            ["Coordination:Bootstrap:AdminPassword"] = AdminPassword,
            ["Coordination:Jobs:Enabled"] = "false",
            // Production's interval: a commit wakes the dispatcher at once; polling only picks up
            // retries and other instances' rows, and each poll claims in every module's database.
            ["Coordination:Outbox:PollInterval"] = "00:00:01",
            ["Coordination:RateLimits:SignInPerMinute"] = "10000",
            ["Coordination:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // First, so that a test may start another environment with the setting "environment".
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>, MemoizedPasswordHasher>());
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    /// <summary>HttpClient's 100 s default fails tests only because the machine is busy.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Timeout = TimeSpan.FromMinutes(5);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartLock)
        {
            return base.CreateHost(builder);
        }
    }

    /// <summary>Serves the app on a real Kestrel socket on loopback (for a browser, or limits
    /// that only a real server enforces) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    public HttpClient CreateBrowserClient()
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a sign-in with <paramref name="roles"/> (none: signed in, no role).</summary>
    public async Task<string> CreateUserAsync(params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@example.fi";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testi Käyttäjä" };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }

        return email;
    }

    /// <summary>Gives the sign-in of <paramref name="email"/> the password <see cref="Password"/>, as
    /// following the link of an invitation would.</summary>
    public async Task SetPasswordAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No sign-in for {email}.");
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>The site roles of the sign-in of <paramref name="email"/> (empty without one).</summary>
    public async Task<IReadOnlyList<string>> SiteRolesAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) is { } user ? [.. (await users.GetRolesAsync(user)).Order()] : [];
    }

    /// <summary>An API client with a bearer token of a new user with <paramref name="roles"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(params string[] roles)
    {
        var email = await CreateUserAsync(roles);
        return await ApiClientForAsync(email, Password);
    }

    public async Task<HttpClient> ApiClientForAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A cookie client signed in through the sign-in form as a new user with <paramref name="roles"/>.</summary>
    public async Task<HttpClient> BrowserClientAsync(params string[] roles)
    {
        var email = await CreateUserAsync(roles);
        var client = CreateBrowserClient();
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["email"] = email, ["password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>The messages written to the pickup folder, oldest first, once nothing waits in any
    /// mail queue (mail goes out in the background; see <see cref="MailAsync"/>).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> PickedUpMail()
    {
        // NUnit runs tests without a synchronisation context, so waiting here cannot deadlock.
        DrainMailAsync().GetAwaiter().GetResult();
        return ReadPickup();
    }

    /// <summary>Waits until nothing waits in any mail queue, then returns the pickup folder's messages.</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> MailAsync()
    {
        await DrainMailAsync();
        return ReadPickup();
    }

    private IReadOnlyList<MimeKit.MimeMessage> ReadPickup()
        => Directory.Exists(MailPickup) ? [.. Directory.GetFiles(MailPickup, "*.eml").Order().Select(f => MimeKit.MimeMessage.Load(f))] : [];

    /// <summary>Waits until no mail waits in any queue (each was sent, or failed for good), nor
    /// any outbox row that has not been tried yet (a handler may queue mail: the notices of a
    /// cancelled event).</summary>
    public async Task DrainMailAsync(TimeSpan? timeout = null, bool includeOutbox = true)
    {
        var left = await Eventually.WaitForAsync(
            async () =>
            {
                await using var scope = Services.CreateAsyncScope();
                var pending = 0;
                foreach (var database in includeOutbox ? scope.ServiceProvider.GetRequiredService<Coordination.Shared.Modules.ModuleCatalog>().Databases : [])
                {
                    var db = (Coordination.Shared.Data.ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                    pending += await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null && m.LastError == null);
                }

                return pending + await scope.ServiceProvider.GetRequiredService<Coordination.Shared.Email.Queue.MailQueueAdministration>().WaitingAsync(CancellationToken.None);
            },
            n => n == 0,
            timeout ?? TimeSpan.FromSeconds(60));
        NUnit.Framework.Assert.That(left, NUnit.Framework.Is.Zero, "mail still waiting in the queue");
    }

    private sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
}

/// <summary>Posting forms as a browser does: fetch the page for its antiforgery token first.</summary>
public static partial class FormPosting
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken(html);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(action, content);
    }

    public static string AntiforgeryToken(string html)
        => TokenPattern().Match(html) is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

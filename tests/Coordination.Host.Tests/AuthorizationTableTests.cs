using System.Net;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>
/// Every endpoint in the route table, enumerated at run time so a new endpoint cannot escape:
/// anonymous ones must be listed here on purpose; the others answer 401 (API) or send to the
/// sign-in page (site) without credentials, and 403 (API) or the access-denied page (site) to a
/// signed-in user whose roles the endpoint does not admit.
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class AuthorizationTableTests(Provider provider) : AppFixture(provider)
{
    /// <summary>Endpoints open to everyone, by design.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "GET /",
        "GET /culture/{language}",
        "GET /accessibility",
        "GET /privacy",
        "GET /account/sign-in",
        "POST /account/sign-in",
        "GET /account/access-denied",
        "GET /account/forgot-password",
        "POST /account/forgot-password",
        "GET /account/reset-password",
        "POST /account/reset-password",
        "POST /api/v1/auth/tokens",
        "GET /health/live",
        "GET /health/ready",
        "GET /openapi/{documentName}.json",

        // Events: the calendar, public events and registering as a guest (each checks the
        // event's audience itself), the personal cancel link, iCalendar feeds for calendar apps.
        "GET /events",
        "GET /events/{id:guid}",
        "GET /api/v1/events",
        "GET /api/v1/events/{id:guid}",
        "POST /events/{id:guid}/register",
        "POST /api/v1/events/{id:guid}/registrations",
        "GET /events/cancel/{token}",
        "POST /events/cancel/{token}",
        // "Send me my cancel link again" (the same answer whether or not the address is registered).
        "GET /events/{id:guid}/cancel-link",
        "POST /events/{id:guid}/cancel-link",
        "POST /api/v1/events/{id:guid}/registrations/cancel-link",
        // Surveys: answering through a personal one-time link or a survey's open link.
        "GET /s/{token}",
        "POST /s/{token}",
        "GET /s/open/{slug}",
        "POST /s/open/{slug}",
        "GET /api/v1/surveys/responses/{token}",
        "POST /api/v1/surveys/responses",
        "POST /api/v1/surveys/open/{slug}/responses",
        // Surveys: a follow-up recipient answers through their personal link.
        "GET /f/{token}",
        "POST /f/{token}",
        "POST /api/v1/followups/answers",
        // Dissemination: the public method bank (published models only), its search, theme
        // compilations and the interim report.
        "GET /method-bank",
        "GET /method-bank/{id:guid}",
        "GET /method-bank/{id:guid}/attachments/{attachmentId:guid}",
        "GET /method-bank/themes",
        "GET /method-bank/themes/{theme}",
        "GET /method-bank/report",
        "GET /api/v1/dissemination/models/",
        "GET /api/v1/dissemination/models/{id:guid}",
        "GET /api/v1/dissemination/themes",
        "GET /api/v1/dissemination/themes/{theme}",
        "GET /blog",
        "GET /blog/{id:guid}",
        "GET /blog/feed.rss",
        "GET /blog/feed.atom",
        "GET /api/v1/dissemination/posts/",
        "GET /search",
        "GET /api/v1/dissemination/search",
        // Newsletter subscription: the form, the e-mailed confirmation and unsubscribe links.
        "GET /newsletter/subscribe",
        "POST /newsletter/subscribe",
        "GET /newsletter/confirm/{token}",
        "POST /newsletter/confirm/{token}",
        "GET /newsletter/unsubscribe/{token}",
        "POST /newsletter/unsubscribe/{token}",
        "POST /api/v1/dissemination/newsletter/subscriptions",
        "POST /api/v1/dissemination/newsletter/subscriptions/confirm",
        "POST /api/v1/dissemination/newsletter/subscriptions/unsubscribe",
        // The public archive of sent newsletters.
        "GET /newsletter",
        "GET /newsletter/{id:guid}",
        "GET /newsletter/{id:guid}/content",
        "POST /api/v1/events/registrations/cancel",
        "GET /events/{id:guid}.ics",
        "GET /events/calendar.ics",
        "GET /events/networks/{networkId:guid}/calendar.ics",
        // A person's secret calendar feed (the address is the credential; calendar apps cannot sign in).
        "GET /events/feeds/{token}.ics",
    ];


    [Test]
    public void Every_endpoint_says_who_may_use_it()
    {
        var silent = Endpoints().Where(e => !e.Anonymous && e.AuthorizeData.Length == 0 && e.Policies.Length == 0).Select(e => e.Key);
        Assert.That(silent, Is.Empty, "add RequireAuthorization(policy) or AllowAnonymous()");
    }

    [Test]
    public void Only_the_listed_endpoints_are_anonymous()
    {
        var anonymous = Endpoints().Where(e => e.Anonymous).Select(e => e.Key).ToHashSet();
        Assert.That(anonymous, Is.EquivalentTo(Anonymous), "An endpoint became anonymous (or stopped being): decide on purpose and update this list.");
    }

    [Test]
    public async Task Protected_endpoints_refuse_requests_without_credentials()
    {
        var client = App.CreateBrowserClient();
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl));
            var ok = endpoint.IsApi
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{endpoint.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task Protected_endpoints_refuse_a_signed_in_user_with_the_wrong_role()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        var policies = App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        // One signed-in client per wrong role and kind (token or cookie), not one per endpoint:
        // a new account and sign-in hash a password twice (PBKDF2), which made this test take
        // minutes. A refused request changes nothing on the account, so the next endpoint sees
        // the same signed-in user with the same wrong role.
        var clients = new Dictionary<(string Role, bool Api), HttpClient>();
        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.AuthorizeData, endpoint.Policies);
            var allowed = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToHashSet();
            if (allowed.Count == 0)
            {
                continue; // any signed-in user may (e.g. sign-out)
            }

            var wrong = Roles.All.Where(r => !allowed.Contains(r)).Take(1).ToArray();
            if (!clients.TryGetValue((wrong[0], endpoint.IsApi), out var client))
            {
                client = endpoint.IsApi ? await App.ApiClientAsync(wrong) : await App.BrowserClientAsync(wrong);
                clients[(wrong[0], endpoint.IsApi)] = client;
            }

            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl));
            var ok = endpoint.IsApi
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{endpoint.Key} as [{string.Join(",", wrong)}]: {(int)response.StatusCode} {response.Headers.Location}");
            }

            checkedCount++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(checkedCount, Is.GreaterThanOrEqualTo(10), "the route table should have role-protected endpoints");
        });
    }

    /// <summary>What a reviewer-only account (an outside expert) may use: their assignments, the
    /// models under review in them, their own data; nothing of the network. The endpoints any
    /// signed-in user may reach check the person themselves.</summary>
    private static readonly HashSet<string> ReviewerOnly =
    [
        "POST /account/sign-out",
        "GET /peer-review",
        "GET /peer-review/assignments/{id:guid}",
        "POST /peer-review/assignments/{id:guid}",
        "GET /api/v1/peer-review/my/assignments",
        "GET /api/v1/peer-review/assignments/{id:guid}",
        "PUT /api/v1/peer-review/assignments/{id:guid}/review",
        "GET /api/v1/peer-review/submissions/{id:guid}/feedback",
        "GET /api/v1/membership/people/{id:guid}/export",
    ];

    /// <summary>What a funder-only account (a funder observer) may use: indicators and reports.</summary>
    private static readonly HashSet<string> FunderOnly =
    [
        "POST /account/sign-out",
        "GET /api/v1/peer-review/my/assignments",
        "GET /api/v1/peer-review/assignments/{id:guid}",
        "PUT /api/v1/peer-review/assignments/{id:guid}/review",
        "GET /api/v1/peer-review/submissions/{id:guid}/feedback",
        "GET /peer-review/assignments/{id:guid}",
        "POST /peer-review/assignments/{id:guid}",
        "GET /api/v1/membership/people/{id:guid}/export",
        "GET /monitoring",
        "GET /monitoring/networks/{id:guid}",
        "GET /monitoring/networks/{id:guid}/report",
        "GET /monitoring/networks/{id:guid}/report.xlsx",
        "GET /api/v1/monitoring/networks",
        "GET /api/v1/monitoring/networks/{id:guid}/indicators",
        "GET /api/v1/monitoring/networks/{id:guid}/report.xlsx",
        "GET /monitoring/networks/{id:guid}/health",
        "GET /monitoring/networks/{id:guid}/health.xlsx",
        "GET /api/v1/monitoring/networks/{id:guid}/health",
        "GET /events/statistics",
        "GET /api/v1/events/statistics",
        "GET /api/v1/events/statistics.csv",
        "GET /api/v1/events/statistics.xlsx",
        "GET /api/v1/peer-review/rounds/{id:guid}/statistics",
        "GET /surveys/{id:guid}/results",
        "GET /surveys/{id:guid}/compare",
        "GET /api/v1/surveys/{id:guid}/results",
        "GET /api/v1/surveys/{id:guid}/compare/{otherId:guid}",
    ];

    [TestCase(Roles.Reviewer)]
    [TestCase(Roles.Funder)]
    public async Task A_single_role_account_reaches_exactly_its_endpoints_and_is_refused_every_other(string role)
    {
        var policies = App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var admitted = new HashSet<string>();
        var endpoints = Endpoints().Where(e => !e.Anonymous).ToList();
        foreach (var endpoint in endpoints)
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.AuthorizeData, endpoint.Policies);
            var allowed = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToHashSet();
            if (allowed.Count == 0 || allowed.Contains(role))
            {
                admitted.Add(endpoint.Key);
            }
        }

        Assert.That(admitted, Is.EquivalentTo(role == Roles.Reviewer ? ReviewerOnly : FunderOnly), "decide on purpose what a single-role account may use");

        var api = await App.ApiClientAsync(role);
        var site = await App.BrowserClientAsync(role);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var response = await (endpoint.IsApi ? api : site).SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl));
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/", StringComparison.Ordinal));
            if (refused == admitted.Contains(endpoint.Key))
            {
                failures.Add($"{endpoint.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task The_access_denied_page_answers_403()
    {
        var client = await App.BrowserClientAsync(Roles.Member);
        var response = await client.GetAsync("/account/access-denied");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private List<EndpointCase> Endpoints()
    {
        var sources = App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<EndpointCase>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                list.Add(new EndpointCase(
                    method,
                    pattern,
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()],
                    [.. endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()]));
            }
        }

        return list;
    }

    private sealed record EndpointCase(string Method, string Pattern, bool Anonymous, IAuthorizeData[] AuthorizeData, AuthorizationPolicy[] Policies)
    {
        public string Key => $"{Method} {Pattern}";

        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

        /// <summary>The pattern with sample values: a new Guid for ids, a module name, a path.</summary>
        public string SampleUrl => Parameter().Replace(Pattern, m => m.Groups[1].Value switch
        {
            var name when m.Value.Contains(":guid", StringComparison.Ordinal) || name.EndsWith("id", StringComparison.OrdinalIgnoreCase) => Guid.NewGuid().ToString(),
            "module" => "Membership",
            _ => "x",
        });
    }

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}

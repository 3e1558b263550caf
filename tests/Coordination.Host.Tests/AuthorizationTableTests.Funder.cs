using System.Net;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>The funder's observer reads indicators and reports only: the role is admitted
/// exactly by the endpoints listed here, and every other protected endpoint refuses a
/// funder-only account.</summary>
public sealed partial class AuthorizationTableTests
{
    /// <summary>What a funder-only account may use (besides anonymous and any-signed-in endpoints).</summary>
    private static readonly HashSet<string> FunderReads =
    [
        // Monitoring: the networks given to them, their indicators and the funder's report.
        "GET /monitoring",
        "GET /monitoring/networks/{id:guid}",
        "GET /monitoring/networks/{id:guid}/report",
        "GET /monitoring/networks/{id:guid}/report.xlsx",
        "GET /api/v1/monitoring/networks/{id:guid}/report.xlsx",
        "GET /api/v1/monitoring/networks",
        "GET /api/v1/monitoring/networks/{id:guid}/indicators",
        // Network health of those networks (reading only; thresholds are the coordinators').
        "GET /monitoring/networks/{id:guid}/health",
        "GET /monitoring/networks/{id:guid}/health.xlsx",
        "GET /api/v1/monitoring/networks/{id:guid}/health",
        // The modules' own statistics for the funder: events and participants, survey results, review rounds.
        "GET /events/statistics",
        "GET /api/v1/events/statistics",
        "GET /api/v1/events/statistics.csv",
        "GET /api/v1/events/statistics.xlsx",
        "GET /surveys/{id:guid}/results",
        "GET /api/v1/surveys/{id:guid}/results",
        "GET /surveys/{id:guid}/compare",
        "GET /api/v1/surveys/{id:guid}/compare/{otherId:guid}",
        "GET /api/v1/peer-review/rounds/{id:guid}/statistics",
    ];

    [Test]
    public async Task A_funders_observer_reads_indicators_and_reports_and_nothing_else()
    {
        var policies = App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var admitted = new HashSet<string>();
        var refused = new List<EndpointCase>();
        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.AuthorizeData, endpoint.Policies);
            var allowed = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToHashSet();
            if (allowed.Contains(Roles.Funder))
            {
                admitted.Add(endpoint.Key);
            }
            else if (allowed.Count > 0)
            {
                refused.Add(endpoint);
            }
        }

        Assert.That(admitted, Is.EquivalentTo(FunderReads), "an endpoint began (or stopped) admitting funders: decide on purpose and update this list");

        var api = await App.ApiClientAsync(Roles.Funder);
        var site = await App.BrowserClientAsync(Roles.Funder);
        var failures = new List<string>();
        foreach (var endpoint in refused)
        {
            using var response = await (endpoint.IsApi ? api : site).SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl));
            var ok = endpoint.IsApi
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{endpoint.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(failures, Is.Empty, "refused to a funder-only account");
    }
}

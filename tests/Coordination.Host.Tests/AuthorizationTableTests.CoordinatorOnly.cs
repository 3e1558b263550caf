using Coordination.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>Endpoints that change what other modules count or send, admitted to coordinators
/// only (the table's other tests then check that every other role is refused).</summary>
public sealed partial class AuthorizationTableTests
{
    private static readonly HashSet<string> CoordinatorOnly =
    [
        // Events: undo of "marked held" (until the feedback survey has answers).
        "POST /events/{id:guid}/held/undo",
        "DELETE /api/v1/events/{id:guid}/held",
    ];

    [Test]
    public async Task The_listed_endpoints_admit_coordinators_only()
    {
        var policies = App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = Endpoints().Where(e => CoordinatorOnly.Contains(e.Key)).ToList();
        Assert.That(endpoints.Select(e => e.Key), Is.EquivalentTo(CoordinatorOnly), "each listed route exists");
        foreach (var endpoint in endpoints)
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.AuthorizeData, endpoint.Policies);
            var allowed = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToHashSet();
            Assert.That(allowed, Is.EquivalentTo(new[] { Roles.Coordinator }), endpoint.Key);
        }
    }
}

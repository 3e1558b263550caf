using System.Security.Claims;
using Carter;
using Coordination.Host.Identity;
using Coordination.Host.Resources;
using Coordination.Shared.Data;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Localization;

namespace Coordination.Host.Jobs.Overview;

/// <summary>The scheduled jobs for coordinators, in their language and in Helsinki time: what
/// each does, its schedule, its last run and how it went, its next run; "run now" (audited).
/// Hangfire's own dashboard (/jobs, English and UTC) stays as the technical tool behind it.</summary>
internal sealed class JobsOverviewEndpoints : ICarterModule
{
    /// <summary>One job. Times are UTC; LastState is Hangfire's (Succeeded, Failed, Processing, …) or null before a first run.</summary>
    public sealed record JobDto(string Id, string Name, string Area, string Cron, DateTime? LastRun, string? LastState, DateTime? NextRun);

    public sealed record PageModel(IReadOnlyList<JobDto> Jobs, string? Started);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/admin/jobs").RequireAuthorization(Policies.Coordinator).ExcludeFromDescription();
        pages.MapGet("/", IResult (string? started, JobStorage storage, ModuleCatalog catalog, IStringLocalizer<HostStrings> l) =>
            new RazorComponentResult<JobsOverviewPage>(new { Model = new PageModel(List(storage, catalog, l), started) }));
        pages.MapPost("/{id}/run", async Task<IResult> (string id, JobRunner runner, ClaimsPrincipal user, CancellationToken ct) =>
            await runner.RunAsync(id, user.UserId(), ct) ? TypedResults.Redirect($"/admin/jobs?started={Uri.EscapeDataString(id)}") : TypedResults.NotFound());

        var api = app.MapGroup("/api/v1/admin/jobs").RequireAuthorization(Policies.Coordinator).WithTags("Administration");
        api.MapGet("/", (JobStorage storage, ModuleCatalog catalog, IStringLocalizer<HostStrings> l) => TypedResults.Ok(List(storage, catalog, l)))
            .WithSummary("The scheduled jobs: schedule (cron, Helsinki time), last run and its state, next run (UTC)");
        api.MapPost("/{id}/run", async Task<Results<Accepted, ProblemHttpResult>> (string id, JobRunner runner, ClaimsPrincipal user, IStringLocalizer<HostStrings> l, CancellationToken ct) =>
                await runner.RunAsync(id, user.UserId(), ct) ? TypedResults.Accepted((string?)null) : ApiResults.NotFound(l["JobUnknown"]))
            .WithSummary("Runs a scheduled job now, outside its schedule (audited); 202, the job runs in the background");
    }

    private static List<JobDto> List(JobStorage storage, ModuleCatalog catalog, IStringLocalizer<HostStrings> l)
    {
        var registered = catalog.Jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs()
            .Where(j => registered.Contains(j.Id))
            .Select(j => new JobDto(j.Id, Name(j.Id, l), Area(j.Id, l), j.Cron, j.LastExecution, j.LastJobState, j.NextExecution))
            .OrderBy(j => j.Area, StringComparer.CurrentCulture).ThenBy(j => j.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>A job's name by its id ("events:retention" → "Job_retention"); the id where none is written.</summary>
    private static string Name(string id, IStringLocalizer<HostStrings> l)
        => l["Job_" + id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]] is { ResourceNotFound: false } name ? name.Value : id;

    private static string Area(string id, IStringLocalizer<HostStrings> l)
    {
        var prefix = id.Split(':')[0];
        return l["JobArea_" + prefix] is { ResourceNotFound: false } area ? area.Value : prefix;
    }

    /// <summary>Starts a registered job through Hangfire (so its last run shows here), audited.</summary>
    internal sealed class JobRunner(ModuleCatalog catalog, IRecurringJobManager jobs, IdentityDb db, TimeProvider clock)
    {
        public async Task<bool> RunAsync(string id, string? userId, CancellationToken ct)
        {
            if (catalog.Jobs.All(j => j.Id != id))
            {
                return false;
            }

            jobs.Trigger(id);
            db.AuditEntries.Record(userId, "RunJob", "RecurringJob", id, null, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}

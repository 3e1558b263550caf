using System.Security.Claims;
using Carter;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Monitoring.Reporting;

namespace Coordination.Monitoring.Features.ReportingDates;

/// <summary>The funder's reporting dates (interim and final report) per project: what is due
/// across the network, a project's dates, adding and changing them (coordinators), marking a
/// report submitted (coordinators and the project's managers). Pages and API.</summary>
internal sealed class ReportingDateEndpoints : ICarterModule
{
    public sealed record ListModel(List<ReportingDateDto> Dates, List<NetworkFact> Networks, Guid? NetworkId, string Status, bool Coordinator, int ReminderDays, string? Saved);

    public sealed record ProjectModel(ProjectFact Project, List<ReportingDateDto> Dates, ReportingDateInput Input, FormErrors Errors, bool Coordinator, bool CanMark, int ReminderDays, string? Saved, string Today);

    public sealed record EditModel(ReportingDateDto Date, ReportingDateInput Input, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var readers = app.MapGroup("").RequireAuthorization(Policies.ProjectWork);
        var coordinators = app.MapGroup("").RequireAuthorization(Policies.Coordinator);

        readers.MapGet("/monitoring/reports", async Task<IResult> (Guid? networkId, string? status, string? saved, ReportingDateService service, MonitoringDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var chosen = ReportingDateService.Statuses.Contains(status) ? status! : "open";
                var networks = await db.Networks.AsNoTracking().OrderBy(n => n.NameFi).ToListAsync(ct);
                return new RazorComponentResult<ReportingListPage>(new
                {
                    Model = new ListModel(await service.ListAsync(user, networkId, null, chosen, ct), networks, networkId, chosen, MonitoringAccess.IsCoordinator(user), service.ReminderDays, saved),
                });
            })
            .ExcludeFromDescription();

        readers.MapGet("/monitoring/projects/{id:guid}/reports", async Task<IResult> (Guid id, string? saved, ReportingDateService service, MonitoringAccess access, ClaimsPrincipal user, CancellationToken ct) =>
                await ProjectPageAsync(id, new ReportingDateInput("interim", null, null), FormErrors.None, saved, service, access, user, ct))
            .ExcludeFromDescription();

        coordinators.MapPost("/monitoring/projects/{id:guid}/reports", async Task<IResult> (Guid id, IFormCollection form, ReportingDateService service, MonitoringAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var input = new ReportingDateInput(form.Text("kind"), form.Text("dueDate"), form.Text("note"));
                var (outcome, _, errors) = await service.AddAsync(id, input, user, ct);
                return outcome switch
                {
                    ReportOutcome.Done => TypedResults.Redirect($"/monitoring/projects/{id}/reports?saved=added"),
                    ReportOutcome.NotFound => TypedResults.NotFound(),
                    _ => await ProjectPageAsync(id, input, errors, null, service, access, user, ct, StatusCodes.Status400BadRequest),
                };
            })
            .ExcludeFromDescription();

        coordinators.MapGet("/monitoring/reports/{id:guid}/edit", async Task<IResult> (Guid id, ReportingDateService service, ClaimsPrincipal user, CancellationToken ct) =>
                await OneAsync(service, user, id, ct) is { } date
                    ? Edit(date, new ReportingDateInput(date.Kind, date.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date.Note), FormErrors.None)
                    : TypedResults.NotFound())
            .ExcludeFromDescription();

        coordinators.MapPost("/monitoring/reports/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, ReportingDateService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var input = new ReportingDateInput(form.Text("kind"), form.Text("dueDate"), form.Text("note"));
                var (outcome, errors) = await service.EditAsync(id, input, user, ct);
                var date = await OneAsync(service, user, id, ct);
                return outcome switch
                {
                    ReportOutcome.Done => TypedResults.Redirect($"/monitoring/projects/{date!.ProjectId}/reports?saved=edited"),
                    ReportOutcome.NotFound => TypedResults.NotFound(),
                    _ => Edit(date!, input, errors, StatusCodes.Status400BadRequest),
                };
            })
            .ExcludeFromDescription();

        readers.MapPost("/monitoring/reports/{id:guid}/submitted", async Task<IResult> (Guid id, IFormCollection form, ReportingDateService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var submitted = form.Text("submitted") != "false";
                var (outcome, _) = await service.SetSubmittedAsync(id, new SubmittedInput(form.Text("submittedOn")), submitted, user, ct);
                var date = await OneAsync(service, user, id, ct);
                return outcome switch
                {
                    ReportOutcome.NotFound => TypedResults.NotFound(),
                    ReportOutcome.Forbidden => TypedResults.Forbid(),
                    ReportOutcome.Invalid => TypedResults.Redirect($"/monitoring/projects/{date!.ProjectId}/reports?saved=invalid"),
                    _ => TypedResults.Redirect($"/monitoring/projects/{date!.ProjectId}/reports?saved={(submitted ? "submitted" : "reopened")}"),
                };
            })
            .ExcludeFromDescription();

        coordinators.MapPost("/monitoring/reports/{id:guid}/delete", async Task<IResult> (Guid id, IFormCollection form, ReportingDateService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var date = await OneAsync(service, user, id, ct);
                return date is not null && await service.DeleteAsync(id, user, ct)
                    ? TypedResults.Redirect($"/monitoring/projects/{date.ProjectId}/reports?saved=deleted")
                    : TypedResults.NotFound();
            })
            .ExcludeFromDescription();

        var readApi = app.MapGroup("/api/v1/monitoring").RequireAuthorization(Policies.ProjectWork).WithTags("Monitoring");
        var writeApi = app.MapGroup("/api/v1/monitoring").RequireAuthorization(Policies.Coordinator).WithTags("Monitoring");
        readApi.MapGet("/reporting-dates", async Task<IResult> (Guid? networkId, string? status, ReportingDateService service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(new { items = await service.ListAsync(user, networkId, null, ReportingDateService.Statuses.Contains(status) ? status : "open", ct) }))
            .WithSummary("Reporting dates across the networks (a project manager: their projects'); status open (default), due, upcoming, submitted or all");

        readApi.MapGet("/projects/{id:guid}/reporting-dates", async Task<Results<Ok<ReportingListResponse>, ProblemHttpResult>> (Guid id, ReportingDateService service, MonitoringAccess access, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, CancellationToken ct) =>
                await service.ProjectAsync(id, ct) is null || !(MonitoringAccess.IsCoordinator(user) || (await access.ManagedProjectsAsync(user, ct)).Contains(id))
                    ? ApiResults.NotFound(l["ProjectNotFound"])
                    : TypedResults.Ok(new ReportingListResponse(await service.ListAsync(user, null, id, "all", ct))))
            .WithSummary("A project's reporting dates");

        writeApi.MapPost("/projects/{id:guid}/reporting-dates", async Task<Results<Created<ReportingDateDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ReportingDateInput input, ReportingDateService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (outcome, created, errors) = await service.AddAsync(id, input, user, ct);
                return outcome switch
                {
                    ReportOutcome.Done => TypedResults.Created($"/api/v1/monitoring/reporting-dates/{created}", (await OneAsync(service, user, created, ct))!),
                    ReportOutcome.NotFound => ApiResults.NotFound(l["ProjectNotFound"]),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .WithSummary("Adds a reporting date to a project: kind interim or final, dueDate yyyy-MM-dd, note");

        writeApi.MapPut("/reporting-dates/{id:guid}", async Task<Results<Ok<ReportingDateDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ReportingDateInput input, ReportingDateService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (outcome, errors) = await service.EditAsync(id, input, user, ct);
                return outcome switch
                {
                    ReportOutcome.Done => TypedResults.Ok((await OneAsync(service, user, id, ct))!),
                    ReportOutcome.NotFound => ApiResults.NotFound(l["ReportingDateNotFound"]),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .WithSummary("Changes a reporting date (a changed date is reminded of anew)");

        writeApi.MapDelete("/reporting-dates/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ReportingDateService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, CancellationToken ct) =>
                await service.DeleteAsync(id, user, ct) ? TypedResults.NoContent() : ApiResults.NotFound(l["ReportingDateNotFound"]))
            .WithSummary("Removes a reporting date");

        readApi.MapPost("/reporting-dates/{id:guid}/submitted", async Task<Results<Ok<ReportingDateDto>, ValidationProblem, ProblemHttpResult>> (Guid id, SubmittedInput? input, ReportingDateService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await SubmittedAsync(id, input, true, service, user, l, shared, ct))
            .WithSummary("Marks the report submitted to the funder (submittedOn yyyy-MM-dd, today when left out); coordinators and the project's managers");

        readApi.MapDelete("/reporting-dates/{id:guid}/submitted", async Task<Results<Ok<ReportingDateDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ReportingDateService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await SubmittedAsync(id, null, false, service, user, l, shared, ct))
            .WithSummary("Marks the report not submitted after all");
    }

    public sealed record ReportingListResponse(List<ReportingDateDto> Items);

    private static async Task<Results<Ok<ReportingDateDto>, ValidationProblem, ProblemHttpResult>> SubmittedAsync(Guid id, SubmittedInput? input, bool submitted, ReportingDateService service, ClaimsPrincipal user, IStringLocalizer<MonitoringStrings> l, IStringLocalizer<SharedStrings> shared, CancellationToken ct)
    {
        var (outcome, errors) = await service.SetSubmittedAsync(id, input, submitted, user, ct);
        return outcome switch
        {
            ReportOutcome.Done => TypedResults.Ok((await OneAsync(service, user, id, ct))!),
            ReportOutcome.NotFound => ApiResults.NotFound(l["ReportingDateNotFound"]),
            ReportOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: l["NotYourProject"]),
            _ => ApiResults.Invalid(errors, shared),
        };
    }

    private static async Task<ReportingDateDto?> OneAsync(ReportingDateService service, ClaimsPrincipal user, Guid id, CancellationToken ct)
        => (await service.ListAsync(user, null, null, "all", ct)).SingleOrDefault(d => d.Id == id);

    private static async Task<IResult> ProjectPageAsync(Guid id, ReportingDateInput input, FormErrors errors, string? saved, ReportingDateService service, MonitoringAccess access, ClaimsPrincipal user, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await service.ProjectAsync(id, ct) is not { } project)
        {
            return TypedResults.NotFound();
        }

        var coordinator = MonitoringAccess.IsCoordinator(user);
        var canMark = await access.CanMarkSubmittedAsync(user, id, ct);
        if (!canMark)
        {
            return TypedResults.Forbid();
        }

        var dates = await service.ListAsync(user, null, id, "all", ct);
        return new RazorComponentResult<ProjectReportsPage>(new { Model = new ProjectModel(project, dates, input, errors, coordinator, canMark, service.ReminderDays, saved, service.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) }) { StatusCode = status };
    }

    private static RazorComponentResult<EditReportingDatePage> Edit(ReportingDateDto date, ReportingDateInput input, FormErrors errors, int status = StatusCodes.Status200OK)
        => new(new { Model = new EditModel(date, input, errors) }) { StatusCode = status };
}

using System.Globalization;
using System.Security.Claims;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Reporting;

internal enum ReportOutcome
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>A reporting date as the list and the API show it. Status is upcoming, due (within
/// the reminder window or past its date) or submitted; Overdue when its date has passed unsent.</summary>
internal sealed record ReportingDateDto(
    Guid Id,
    Guid ProjectId,
    string ProjectName,
    Guid NetworkId,
    string Kind,
    DateOnly DueDate,
    string Status,
    bool Overdue,
    DateOnly? SubmittedOn,
    string? Note);

/// <summary>The funder's reporting dates: coordinators set them per project; coordinators and
/// the project's managers mark a report submitted. Reminders go Coordination:Monitoring:ReportReminderDays
/// (default 14) days before a date.</summary>
internal sealed class ReportingDateService(MonitoringDbContext db, MonitoringAccess access, IValidator<ReportingDateInput> validator, TimeProvider clock, IConfiguration configuration, IStringLocalizer<MonitoringStrings> l)
{
    public int ReminderDays => Math.Clamp(configuration.GetValue("Coordination:Monitoring:ReportReminderDays", 14), 0, 365);

    public DateOnly Today => HelsinkiTime.Today(clock);

    public static readonly string[] Statuses = ["open", "due", "upcoming", "submitted", "all"];

    /// <summary>The dates the user sees (all for coordinators, their projects' for managers),
    /// by due date; status open = not submitted.</summary>
    public async Task<List<ReportingDateDto>> ListAsync(ClaimsPrincipal user, Guid? networkId, Guid? projectId, string? status, CancellationToken ct)
    {
        var dates = from d in db.ReportingDates.AsNoTracking()
                    join p in db.Projects.AsNoTracking() on d.ProjectId equals p.ProjectId
                    select new { d, p.Name, p.Acronym, p.NetworkId };
        if (!MonitoringAccess.IsCoordinator(user))
        {
            var managed = await access.ManagedProjectsAsync(user, ct);
            dates = dates.Where(x => managed.Contains(x.d.ProjectId));
        }

        if (networkId is { } n)
        {
            dates = dates.Where(x => x.NetworkId == n);
        }

        if (projectId is { } pid)
        {
            dates = dates.Where(x => x.d.ProjectId == pid);
        }

        var rows = await dates.OrderBy(x => x.d.DueDate).ThenBy(x => x.Name).ToListAsync(ct);
        return [.. rows.Select(x => Dto(x.d, Indicators.Names.Project(x.Name, x.Acronym), x.NetworkId))
            .Where(d => status switch
            {
                "due" => d.Status == "due",
                "upcoming" => d.Status == "upcoming",
                "submitted" => d.Status == "submitted",
                "all" => true,
                _ => d.Status != "submitted",
            })];
    }

    public ReportingDateDto Dto(ReportingDate d, string projectName, Guid networkId)
    {
        var status = d.SubmittedOn is not null ? "submitted" : Today >= d.DueDate.AddDays(-ReminderDays) ? "due" : "upcoming";
        return new ReportingDateDto(d.Id, d.ProjectId, projectName, networkId, EnumText.Of(d.Kind), d.DueDate, status, d.SubmittedOn is null && Today > d.DueDate, d.SubmittedOn, d.Note);
    }

    public async Task<ProjectFact?> ProjectAsync(Guid projectId, CancellationToken ct)
        => await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, ct);

    public async Task<(ReportOutcome Outcome, Guid Id, FormErrors Errors)> AddAsync(Guid projectId, ReportingDateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ProjectAsync(projectId, ct) is null)
        {
            return (ReportOutcome.NotFound, Guid.Empty, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (!errors.IsEmpty)
        {
            return (ReportOutcome.Invalid, Guid.Empty, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var date = new ReportingDate { Id = Guid.CreateVersion7(), ProjectId = projectId, Kind = input.ReportKind, DueDate = input.Due, Note = Clean(input.Note), CreatedAt = now, UpdatedAt = now };
        db.ReportingDates.Add(date);
        db.Audit(user.UserId(), "AddReportingDate", nameof(ReportingDate), date.Id.ToString(), $"{projectId} {EnumText.Of(date.Kind)} {date.DueDate:yyyy-MM-dd}", now);
        await db.SaveChangesAsync(ct);
        return (ReportOutcome.Done, date.Id, FormErrors.None);
    }

    /// <summary>Changes the kind, date or note; a changed date is reminded of anew.</summary>
    public async Task<(ReportOutcome Outcome, FormErrors Errors)> EditAsync(Guid id, ReportingDateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var date = await db.ReportingDates.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (date is null)
        {
            return (ReportOutcome.NotFound, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        if (!errors.IsEmpty)
        {
            return (ReportOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (date.DueDate != input.Due)
        {
            await db.ReportReminders.Where(r => r.ReportingDateId == id).ExecuteDeleteAsync(ct);
        }

        date.Kind = input.ReportKind;
        date.DueDate = input.Due;
        date.Note = Clean(input.Note);
        date.UpdatedAt = now;
        db.Audit(user.UserId(), "EditReportingDate", nameof(ReportingDate), id.ToString(), $"{EnumText.Of(date.Kind)} {date.DueDate:yyyy-MM-dd}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (ReportOutcome.Done, FormErrors.None);
    }

    /// <summary>Marks the report sent to the funder (or, with null, not sent after all).</summary>
    public async Task<(ReportOutcome Outcome, FormErrors Errors)> SetSubmittedAsync(Guid id, SubmittedInput? input, bool submitted, ClaimsPrincipal user, CancellationToken ct)
    {
        var date = await db.ReportingDates.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (date is null)
        {
            return (ReportOutcome.NotFound, FormErrors.None);
        }

        if (!await access.CanMarkSubmittedAsync(user, date.ProjectId, ct))
        {
            return (ReportOutcome.Forbidden, FormErrors.None);
        }

        var on = Today;
        var errors = new FormErrors();
        if (submitted && !string.IsNullOrWhiteSpace(input?.SubmittedOn))
        {
            if (!DateOnly.TryParseExact(input.SubmittedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            {
                errors.Add("submittedOn", l["DateInvalid"]);
            }
            else if (on > Today)
            {
                errors.Add("submittedOn", l["SubmittedInFuture"]);
            }
        }

        if (!errors.IsEmpty)
        {
            return (ReportOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        date.SubmittedOn = submitted ? on : null;
        date.SubmittedBy = submitted ? user.UserId() : null;
        date.UpdatedAt = now;
        db.Audit(user.UserId(), submitted ? "MarkReportSubmitted" : "MarkReportNotSubmitted", nameof(ReportingDate), id.ToString(), submitted ? on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, now);
        await db.SaveChangesAsync(ct);
        return (ReportOutcome.Done, FormErrors.None);
    }

    public async Task<bool> DeleteAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var date = await db.ReportingDates.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (date is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ReportReminders.Where(r => r.ReportingDateId == id).ExecuteDeleteAsync(ct);
        db.ReportingDates.Remove(date);
        db.Audit(user.UserId(), "DeleteReportingDate", nameof(ReportingDate), id.ToString(), $"{date.ProjectId} {EnumText.Of(date.Kind)} {date.DueDate:yyyy-MM-dd}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public static bool IsProjectManager(ClaimsPrincipal user) => user.IsInRole(Roles.ProjectManager);

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

using System.Globalization;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Coordination.Monitoring.Features.ReportingDates;

/// <summary>Daily: reminds each manager of a project of a report due within
/// Coordination:Monitoring:ReportReminderDays (default 14), once. The reminder row is claimed
/// (inserted, unique per date and person) and committed before the mail goes out and marked sent
/// after, so two instances or a restart send nothing twice; a failed send removes the claim for
/// the next run, and a claim a crashed process left unsent is taken again after an hour.</summary>
internal sealed class ReportRemindersJob(
    MonitoringDbContext db,
    IEmailSender email,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<MonitoringStrings> l,
    ILogger<ReportRemindersJob> logger) : IRecurringJob
{
    public const string Id = "report-reminders";

    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = HelsinkiTime.Today(clock);
        var until = today.AddDays(Math.Clamp(configuration.GetValue("Coordination:Monitoring:ReportReminderDays", 14), 0, 365));
        var due = await (from d in db.ReportingDates.AsNoTracking()
                         join p in db.Projects.AsNoTracking() on d.ProjectId equals p.ProjectId
                         where d.SubmittedOn == null && d.DueDate >= today && d.DueDate <= until
                         select new { Date = d, Project = p }).ToListAsync(cancellationToken);
        var baseUrl = PublicUrl.Base(configuration);
        foreach (var item in due)
        {
            var managers = await db.People.AsNoTracking()
                .Where(p => p.ErasedAt == null && p.Email != "" && db.PersonRoles.Any(r => r.PersonId == p.PersonId && r.Role == MonitoringAccess.ProjectManagerRole && r.ProjectId == item.Date.ProjectId))
                .ToListAsync(cancellationToken);
            foreach (var manager in managers)
            {
                if (!await ClaimAsync(item.Date.Id, manager.PersonId, cancellationToken))
                {
                    continue;
                }

                try
                {
                    await email.SendAsync(Message(item.Date, item.Project, manager, baseUrl), cancellationToken);
                    var sent = clock.GetUtcNow().UtcDateTime;
                    await db.ReportReminders.Where(r => r.ReportingDateId == item.Date.Id && r.PersonId == manager.PersonId)
                        .ExecuteUpdateAsync(u => u.SetProperty(r => r.SentAt, sent), CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "A report reminder of {ReportingDateId} could not be sent; it is tried again next run", item.Date.Id);
                    await db.ReportReminders.Where(r => r.ReportingDateId == item.Date.Id && r.PersonId == manager.PersonId && r.SentAt == null)
                        .ExecuteDeleteAsync(CancellationToken.None);
                }
            }
        }
    }

    /// <summary>True when this run may send the reminder: a new claim, or one left unsent by a crash.</summary>
    private async Task<bool> ClaimAsync(Guid dateId, Guid personId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ReportReminders.AsNoTracking().SingleOrDefaultAsync(r => r.ReportingDateId == dateId && r.PersonId == personId, ct);
        if (existing is not null)
        {
            if (existing.SentAt is not null || existing.ClaimedAt > now - ClaimTimeout)
            {
                return false;
            }

            return await db.ReportReminders.Where(r => r.ReportingDateId == dateId && r.PersonId == personId && r.SentAt == null && r.ClaimedAt == existing.ClaimedAt)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedAt, now), ct) == 1;
        }

        db.ReportReminders.Add(new ReportReminder { ReportingDateId = dateId, PersonId = personId, ClaimedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another instance claimed it at the same moment
        }
    }

    private EmailMessage Message(ReportingDate date, ProjectFact project, PersonFact manager, string baseUrl)
    {
        using var culture = new CultureScope(manager.Language);
        var kind = l["Kind_" + EnumText.Of(date.Kind)].Value;
        var name = Indicators.Names.Project(project.Name, project.Acronym);
        var due = Indicators.Format.Date(date.DueDate);
        var link = $"{baseUrl}/monitoring/projects/{project.ProjectId}/reports";
        return new EmailMessage(
            manager.Email,
            manager.Name,
            string.Format(CultureInfo.CurrentCulture, l["ReminderMailSubject"], kind, name, due),
            string.Format(CultureInfo.CurrentCulture, l["ReminderMailBody"], manager.Name, kind, name, due, link));
    }
}

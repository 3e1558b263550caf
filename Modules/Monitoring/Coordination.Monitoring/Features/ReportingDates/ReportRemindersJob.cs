using System.Globalization;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Features.ReportingDates;

/// <summary>Daily: reminds each manager of a project of a report due within
/// Coordination:Monitoring:ReportReminderDays (default 14), once. The reminder row (unique per
/// date and person) and its mail in the mail queue are written in one commit, so two instances or
/// a restart send nothing twice, and the mail queue retries what the mail server refuses.</summary>
internal sealed class ReportRemindersJob(
    MonitoringDbContext db,
    TimeProvider clock,
    IConfiguration configuration,
    IStringLocalizer<MonitoringStrings> l) : IRecurringJob
{
    public const string Id = "report-reminders";

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
                .Where(p => !db.ReportReminders.Any(r => r.ReportingDateId == item.Date.Id && r.PersonId == p.PersonId))
                .ToListAsync(cancellationToken);
            foreach (var manager in managers)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                db.ReportReminders.Add(new ReportReminder { ReportingDateId = item.Date.Id, PersonId = manager.PersonId, ClaimedAt = now, SentAt = now });
                db.QueueMail(Message(item.Date, item.Project, manager, baseUrl), $"monitoring:report-reminder:{item.Date.Id:N}:{manager.PersonId:N}:{item.Date.DueDate:yyyyMMdd}", now);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear(); // another instance reminded at the same moment
                }
            }
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

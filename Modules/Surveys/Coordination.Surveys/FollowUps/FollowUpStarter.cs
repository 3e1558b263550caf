using System.Globalization;
using Coordination.Shared.Email;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Localization;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.FollowUps;

/// <summary>Starts a wave: its recipients (the project's managers and each organisation's
/// contact) get a personal link in their language through the mail queue. The wave's move from
/// planned to sent, the recipient rows and their mails are one transaction, and the move only
/// happens where the wave is still planned, so two instances or a restart start it once; the
/// mail keys (wave and address) are the second guard.</summary>
internal sealed class FollowUpStarter(SurveysDbContext db, TimeProvider clock, IConfiguration configuration, FollowUpTokens tokens, IStringLocalizer<SurveysStrings> l)
{
    public const string ProjectManagerRole = "projectManager";

    public const string ContactRole = "contact";

    public static readonly TimeSpan RemindAfter = TimeSpan.FromDays(14);

    /// <summary>Starts <paramref name="waveId"/> if it is still planned; false when it was not
    /// (already sent or skipped, or another instance started it just now).</summary>
    public async Task<bool> StartAsync(Guid waveId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.FollowUpWaves.Where(w => w.Id == waveId && w.Status == FollowUpStatus.Planned)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, FollowUpStatus.Sent).SetProperty(w => w.SentAt, now), ct);
        if (taken == 0)
        {
            return false;
        }

        var wave = await db.FollowUpWaves.AsNoTracking().SingleAsync(w => w.Id == waveId, ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == wave.ProjectId, ct);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.ModelId == wave.ModelId, ct);
        if (project is not null && model is not null)
        {
            foreach (var person in await RecipientsAsync(project, ct))
            {
                Send(wave, project, model, new FollowUpRecipient
                {
                    Id = Guid.CreateVersion7(), WaveId = wave.Id, PersonId = person.PersonId, OrganisationId = OrganisationOf(project, person),
                    Email = person.Email, Name = person.Name, Language = person.Language, SentAt = now,
                }, now);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Sends a sent wave to one more person (one who left is replaced by the coordinator).</summary>
    public async Task<bool> AddRecipientAsync(FollowUpWave wave, string email, string name, string language, Guid organisationId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.ProjectId == wave.ProjectId, ct);
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.ModelId == wave.ModelId, ct);
        email = email.Trim().ToLowerInvariant();
        if (await db.FollowUpRecipients.AnyAsync(r => r.WaveId == wave.Id && r.Email == email, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Send(wave, project, model, new FollowUpRecipient
        {
            Id = Guid.CreateVersion7(), WaveId = wave.Id, OrganisationId = organisationId, Email = email, Name = name.Trim(), Language = language, SentAt = now,
        }, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reminds, once, each recipient whose organisation has not answered two weeks
    /// after the link went out; the mark and the mail commit together.</summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - RemindAfter;
        var due = await db.FollowUpRecipients.AsNoTracking()
            .Where(r => r.RemindedAt == null && r.SentAt <= before && !db.FollowUpAnswers.Any(a => a.WaveId == r.WaveId && a.OrganisationId == r.OrganisationId))
            .ToListAsync(ct);
        var reminded = 0;
        var context = new Dictionary<Guid, (FollowUpWave Wave, KnownProject Project, KnownModel Model)>();
        foreach (var recipient in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.FollowUpRecipients.Where(r => r.Id == recipient.Id && r.RemindedAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindedAt, now), ct) == 0)
            {
                continue;
            }

            // A wave's recipients share its project and model: read them once per wave.
            if (!context.TryGetValue(recipient.WaveId, out var of))
            {
                var read = await db.FollowUpWaves.AsNoTracking().SingleAsync(w => w.Id == recipient.WaveId, ct);
                of = context[recipient.WaveId] = (read,
                    await db.Projects.AsNoTracking().SingleAsync(p => p.ProjectId == read.ProjectId, ct),
                    await db.Models.AsNoTracking().SingleAsync(m => m.ModelId == read.ModelId, ct));
            }

            var (wave, project, model) = of;
            db.QueueMail(Message(wave, project, model, recipient, reminder: true), $"surveys:followup-reminder:{wave.Id:N}:{recipient.Email}", now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            reminded++;
        }

        return reminded;
    }

    /// <summary>The project's managers and contacts with an address, once each.</summary>
    public async Task<List<KnownPerson>> RecipientsAsync(KnownProject project, CancellationToken ct)
    {
        // Roles are a JSON column: the few people of the network are filtered here.
        var people = await db.People.AsNoTracking().Where(p => p.Email != "").ToListAsync(ct);
        return [.. people
            .Where(p => p.Roles.Any(r => r.ProjectId == project.ProjectId && r.Role is ProjectManagerRole or ContactRole))
            .DistinctBy(p => p.Email)
            .OrderBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fi"), ignoreCase: true))];
    }

    /// <summary>The organisation a person answers for: their own when it is one of the
    /// project's, else the lead's (a manager hired from elsewhere answers for the lead).</summary>
    public static Guid OrganisationOf(KnownProject project, KnownPerson person)
        => project.Organisations.Any(o => o.OrganisationId == person.OrganisationId) ? person.OrganisationId!.Value
            : project.Organisations.FirstOrDefault(o => o.IsLead)?.OrganisationId ?? project.Organisations.FirstOrDefault()?.OrganisationId ?? Guid.Empty;

    private void Send(FollowUpWave wave, KnownProject project, KnownModel model, FollowUpRecipient recipient, DateTime now)
    {
        db.FollowUpRecipients.Add(recipient);
        db.QueueMail(Message(wave, project, model, recipient, reminder: false), $"surveys:followup:{wave.Id:N}:{recipient.Email}", now);
    }

    private EmailMessage Message(FollowUpWave wave, KnownProject project, KnownModel model, FollowUpRecipient recipient, bool reminder)
    {
        using var culture = new CultureScope(recipient.Language);
        var title = FollowUpText.ModelTitle(model);
        var link = $"{PublicUrl.Base(configuration)}/f/{tokens.For(recipient.Id)}";
        var organisation = project.Organisations.FirstOrDefault(o => o.OrganisationId == recipient.OrganisationId)?.Name ?? project.Label;
        return new EmailMessage(
            recipient.Email,
            recipient.Name,
            string.Format(CultureInfo.CurrentCulture, l[reminder ? "FollowUpReminderSubject" : "FollowUpMailSubject"], title),
            string.Format(CultureInfo.CurrentCulture, l["FollowUpMailBody"], recipient.Name, project.Label, wave.Months, title, organisation, link));
    }
}

using System.Globalization;
using System.Security.Claims;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.FollowUps;
using Coordination.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Coordination.Surveys.Mailing;

namespace Coordination.Surveys.Features.ManageFollowUps;

/// <summary>A wave as the coordinator and the API see it. Status: planned, running (sent, not
/// every organisation has answered and it is less than 30 days old), finished, skipped.</summary>
internal sealed record FollowUpDto(
    Guid Id, Guid ProjectId, string ProjectName, Guid ModelId, string ModelTitle, int Months, DateOnly ProjectEndedOn, DateOnly DueOn, string Status,
    DateTime? SentAt, int Recipients, int Answers, int Organisations, string? SkipReason, IReadOnlyList<FollowUpOrganisation> ProjectOrganisations);

/// <summary>One of the project's organisations, to which another recipient may belong.</summary>
internal sealed record FollowUpOrganisation(Guid OrganisationId, string Name);

internal enum ManageOutcome
{
    Done,
    NotFound,
    Invalid,
}

/// <summary>What coordinators do to waves: postpone a planned one, send it now, skip it with a
/// reason, or send a sent one to another person (one who has left is replaced). Each is audited.</summary>
internal sealed class FollowUpManager(SurveysDbContext db, FollowUpStarter starter, TimeProvider clock, IStringLocalizer<SurveysStrings> l)
{
    public static readonly TimeSpan RunsFor = TimeSpan.FromDays(30);

    public async Task<List<FollowUpDto>> ListAsync(Guid? projectId, CancellationToken ct)
    {
        var waves = await db.FollowUpWaves.AsNoTracking().Where(w => projectId == null || w.ProjectId == projectId)
            .OrderBy(w => w.DueOn).ThenBy(w => w.ProjectId).ThenBy(w => w.Months).ToListAsync(ct);
        var ids = waves.Select(w => w.Id).ToList();
        var projectIds = waves.Select(w => w.ProjectId).Distinct().ToList();
        var modelIds = waves.Select(w => w.ModelId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, ct);
        var models = await db.Models.AsNoTracking().Where(m => modelIds.Contains(m.ModelId)).ToDictionaryAsync(m => m.ModelId, ct);
        var recipients = await db.FollowUpRecipients.AsNoTracking().Where(r => ids.Contains(r.WaveId)).GroupBy(r => r.WaveId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var answers = await db.FollowUpAnswers.AsNoTracking().Where(a => ids.Contains(a.WaveId)).GroupBy(a => a.WaveId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. waves.Select(w =>
        {
            var project = projects.GetValueOrDefault(w.ProjectId);
            var organisations = project?.Organisations.Count ?? 0;
            var answered = answers.GetValueOrDefault(w.Id);
            var status = w.Status switch
            {
                FollowUpStatus.Planned => "planned",
                FollowUpStatus.Skipped => "skipped",
                _ => answered >= organisations || w.SentAt + RunsFor < now ? "finished" : "running",
            };
            return new FollowUpDto(
                w.Id, w.ProjectId, project?.Label ?? "", w.ModelId, models.GetValueOrDefault(w.ModelId) is { } m ? FollowUpText.ModelTitle(m) : "", w.Months, w.ProjectEndedOn, w.DueOn, status,
                w.SentAt, recipients.GetValueOrDefault(w.Id), answered, organisations, w.SkipReason,
                [.. (project?.Organisations ?? []).Select(o => new FollowUpOrganisation(o.OrganisationId, o.Name))]);
        })];
    }

    public Task<FollowUpWave?> FindAsync(Guid id, CancellationToken ct) => db.FollowUpWaves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);

    public async Task<(ManageOutcome Outcome, FormErrors Errors)> PostponeAsync(Guid id, string? dueOn, ClaimsPrincipal user, CancellationToken ct)
    {
        var wave = await db.FollowUpWaves.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
        {
            return (ManageOutcome.NotFound, FormErrors.None);
        }

        var errors = new FormErrors();
        if (wave.Status != FollowUpStatus.Planned)
        {
            errors.Add("dueOn", l["FollowUpNotPlanned"]);
        }
        else if (!DateOnly.TryParseExact(dueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date <= HelsinkiTime.Today(clock))
        {
            errors.Add("dueOn", l["FollowUpPostponeDate"]);
        }
        else
        {
            var before = wave.DueOn;
            wave.DueOn = date;
            db.Audit(user.UserId(), "PostponeFollowUp", nameof(FollowUpWave), wave.Id.ToString(), $"{before:yyyy-MM-dd} → {date:yyyy-MM-dd}", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return (errors.IsEmpty ? ManageOutcome.Done : ManageOutcome.Invalid, errors);
    }

    public async Task<(ManageOutcome Outcome, FormErrors Errors)> SkipAsync(Guid id, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var wave = await db.FollowUpWaves.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
        {
            return (ManageOutcome.NotFound, FormErrors.None);
        }

        var errors = new FormErrors();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", l["FollowUpSkipReason"]);
        }
        else if (reason.Length > 1000)
        {
            errors.Add("reason", l.Plural("FollowUpTooLong", 1000));
        }
        else if (wave.Status != FollowUpStatus.Planned)
        {
            errors.Add("reason", l["FollowUpNotPlanned"]);
        }
        else
        {
            wave.Status = FollowUpStatus.Skipped;
            wave.SkipReason = reason;
            db.Audit(user.UserId(), "SkipFollowUp", nameof(FollowUpWave), wave.Id.ToString(), reason, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return (errors.IsEmpty ? ManageOutcome.Done : ManageOutcome.Invalid, errors);
    }

    public async Task<(ManageOutcome Outcome, FormErrors Errors)> SendNowAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var wave = await db.FollowUpWaves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
        {
            return (ManageOutcome.NotFound, FormErrors.None);
        }

        var errors = new FormErrors();
        if (wave.Status != FollowUpStatus.Planned || !await starter.StartAsync(id, ct))
        {
            errors.Add("send", l["FollowUpNotPlanned"]);
            return (ManageOutcome.Invalid, errors);
        }

        db.Audit(user.UserId(), "SendFollowUpNow", nameof(FollowUpWave), id.ToString(), null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (ManageOutcome.Done, errors);
    }

    public async Task<(ManageOutcome Outcome, FormErrors Errors)> AddRecipientAsync(Guid id, RecipientInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var wave = await db.FollowUpWaves.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wave is null)
        {
            return (ManageOutcome.NotFound, FormErrors.None);
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.ProjectId == wave.ProjectId, ct);
        var errors = new FormErrors();
        if (wave.Status != FollowUpStatus.Sent)
        {
            errors.Add("email", l["FollowUpNotSent"]);
        }

        if (string.IsNullOrWhiteSpace(input.Email) || !System.Net.Mail.MailAddress.TryCreate(input.Email.Trim(), out _) || input.Email.Length > 254)
        {
            errors.Add("email", l["FollowUpEmail"]);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors.Add("name", l["FollowUpName"]);
        }

        if (input.OrganisationId is not { } organisation || project.Organisations.All(o => o.OrganisationId != organisation))
        {
            errors.Add("organisationId", l["FollowUpUnknownOrganisation"]);
        }

        var language = input.Language is "fi" or "sv" or "en" ? input.Language : "fi";
        if (errors.IsEmpty && !await starter.AddRecipientAsync(wave, input.Email!, input.Name!, language, input.OrganisationId!.Value, ct))
        {
            errors.Add("email", l["FollowUpAlreadyRecipient"]);
        }

        if (!errors.IsEmpty)
        {
            return (ManageOutcome.Invalid, errors);
        }

        db.Audit(user.UserId(), "AddFollowUpRecipient", nameof(FollowUpWave), id.ToString(), input.OrganisationId.ToString(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (ManageOutcome.Done, errors);
    }
}

internal sealed record RecipientInput(string? Email, string? Name, string? Language, Guid? OrganisationId);

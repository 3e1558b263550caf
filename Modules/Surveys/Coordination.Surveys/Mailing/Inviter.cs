using Coordination.Surveys.Mailing;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Shared.Jobs;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Resources;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Surveys.Mailing;

internal sealed record RecipientInput(string? Email, string? Name = null, Guid? ProjectId = null, string? Language = null);

/// <summary>Who to invite: a list of people, and/or an audience: network (everyone with a role in
/// the network or its projects), projectManagers, project (with projectId) or event (the
/// attendees of a held event, with eventId).</summary>
internal sealed record InvitationInput(List<RecipientInput>? Recipients = null, string? Audience = null, Guid? ProjectId = null, Guid? EventId = null);

internal sealed record InviteResult(int Invited, int AlreadyInvited, FormErrors Errors);

/// <summary>Makes the invitations (one per address and survey) and starts the mail job.</summary>
internal sealed class Inviter(SurveysDbContext db, TimeProvider clock, IBackgroundJobClient jobs, ModuleCatalog catalog, IStringLocalizer<SurveysStrings> l)
{
    public static IReadOnlyList<string> Audiences { get; } = ["network", "projectManagers", "project", "event"];

    public const int MaxRecipients = 10_000;

    public async Task<InviteResult?> InviteAsync(Guid surveyId, InvitationInput input, string? userId, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return null;
        }

        var errors = new FormErrors();
        if (survey.StateAt(clock.GetUtcNow().UtcDateTime) == SurveyState.Closed)
        {
            errors.Add("survey", l["InviteClosed"]);
            return new InviteResult(0, 0, errors);
        }

        var recipients = new List<RecipientInput>();
        var email = new EmailAddressAttribute();
        for (var i = 0; i < (input.Recipients?.Count ?? 0); i++)
        {
            var r = input.Recipients![i];
            if (string.IsNullOrWhiteSpace(r.Email) || r.Email.Length > 254 || !email.IsValid(r.Email.Trim()))
            {
                errors.Add($"recipients[{i}].email", string.Format(CultureInfo.CurrentCulture, l["RecipientEmailInvalid"], r.Email));
            }
            else if ((r.Name?.Length ?? 0) > 200)
            {
                errors.Add($"recipients[{i}].name", l["RecipientNameTooLong"]);
            }
            else
            {
                recipients.Add(r with { Email = r.Email.Trim() });
            }
        }

        if (input.Audience is not null)
        {
            recipients.AddRange(await AudienceAsync(survey, input, errors, ct));
        }

        if (errors.IsEmpty && recipients.Count == 0)
        {
            errors.Add("recipients", l["RecipientsRequired"]);
        }

        if (recipients.Count > MaxRecipients)
        {
            errors.Add("recipients", l.Plural("TooManyRecipients", MaxRecipients));
        }

        if (!errors.IsEmpty)
        {
            return new InviteResult(0, 0, errors);
        }

        var existing = (await db.Invitations.Where(i => i.SurveyId == surveyId).Select(i => i.Email).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var projects = (await db.Projects.Where(p => p.NetworkId == survey.NetworkId).Select(p => p.ProjectId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var invited = 0;
        var already = 0;
        foreach (var r in recipients.DistinctBy(r => r.Email!.ToLowerInvariant()))
        {
            if (!existing.Add(r.Email!))
            {
                already++;
                continue;
            }

            db.Invitations.Add(new Invitation
            {
                Id = Guid.CreateVersion7(), SurveyId = surveyId, Email = r.Email!.ToLowerInvariant(), Name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name.Trim(),
                ProjectId = r.ProjectId is { } p && projects.Contains(p) ? p : null,
                Language = r.Language is "sv" or "en" ? r.Language : "fi", CreatedAt = now,
            });
            invited++;
        }

        db.Audit(userId, "InviteToSurvey", nameof(Survey), surveyId.ToString(), invited.ToString(CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(ct);
        if (invited > 0)
        {
            jobs.RunNow<SendSurveyMailJob>(catalog);
        }

        return new InviteResult(invited, already, errors);
    }

    private async Task<List<RecipientInput>> AudienceAsync(Survey survey, InvitationInput input, FormErrors errors, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.NetworkId == survey.NetworkId).Select(p => p.ProjectId).ToListAsync(ct);
        switch (input.Audience)
        {
            case "event":
                var held = input.EventId is { } eventId ? await db.HeldEvents.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == eventId && e.NetworkId == survey.NetworkId, ct) : null;
                if (held is null)
                {
                    errors.Add("eventId", l["EventUnknown"]);
                    return [];
                }

                return [.. held.Attendees.Select(a => new RecipientInput(a.Email, a.Name))];
            case "project" when input.ProjectId is not { } p || !projects.Contains(p):
                errors.Add("projectId", l["ProjectUnknown"]);
                return [];
            case "network" or "projectManagers" or "project":
                var people = await db.People.AsNoTracking().ToListAsync(ct);
                return [.. people
                    .Select(person => (person, roles: person.Roles.Where(r => input.Audience switch
                    {
                        "project" => r.ProjectId == input.ProjectId,
                        "projectManagers" => r.Role == "projectManager" && r.ProjectId is { } id && projects.Contains(id),
                        _ => r.NetworkId == survey.NetworkId || (r.ProjectId is { } id2 && projects.Contains(id2)),
                    }).ToList()))
                    .Where(x => x.roles.Count > 0)
                    .Select(x => new RecipientInput(x.person.Email, x.person.Name, x.roles.FirstOrDefault(r => r.ProjectId is not null)?.ProjectId, x.person.Language))];
            default:
                errors.Add("audience", l["AudienceInvalid"]);
                return [];
        }
    }
}

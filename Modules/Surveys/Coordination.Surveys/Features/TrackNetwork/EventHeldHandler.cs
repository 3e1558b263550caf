using System.Globalization;
using Coordination.Events.Contracts;
using Coordination.Shared.Messaging;
using Coordination.Shared.Web;
using Coordination.Surveys.Data;
using Coordination.Surveys.Features.Invitations;
using Coordination.Surveys.Features.SaveSurvey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Coordination.Surveys.Authoring;
using Coordination.Surveys.Mailing;

namespace Coordination.Surveys.Features.TrackNetwork;

/// <summary>Keeps each held event's attendees (an audience for any survey) and, when the organiser
/// asked for feedback, opens the event feedback survey for two weeks and invites the attendees.
/// When the organiser takes "held" back, the attendees are forgotten and a feedback survey
/// nobody has answered is withdrawn (deleted with its invitations, so no invitation or reminder
/// leaves); marked held again, the event gets a new one.</summary>
internal sealed class EventHeldHandler(SurveysDbContext db, SurveySaver saver, Inviter inviter, TimeProvider clock, ILogger<EventHeldHandler> logger)
    : IIntegrationEventHandler<EventHeld>, IIntegrationEventHandler<EventHeldRetracted>
{
    public async Task HandleAsync(EventHeld e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (await db.HeldEvents.AnyAsync(x => x.EventId == e.EventId, cancellationToken))
        {
            return;
        }

        db.HeldEvents.Add(new KnownEvent
        {
            EventId = e.EventId, NetworkId = e.NetworkId, TitleFi = e.TitleFi, StartsAt = e.StartsAt,
            Attendees = [.. e.Attendees.Select(a => new KnownAttendee(a.Email.ToLowerInvariant(), a.Name))],
        });
        await db.SaveChangesAsync(cancellationToken);
        if (!e.FeedbackSurvey || !await db.Networks.AnyAsync(n => n.NetworkId == e.NetworkId, cancellationToken)
            || await db.Surveys.AnyAsync(s => s.EventId == e.EventId && s.Template == SurveyTemplates.EventFeedback, cancellationToken))
        {
            return;
        }

        var template = SurveyTemplates.Find(SurveyTemplates.EventFeedback)!;
        var date = Shared.Localization.HelsinkiTime.FormatDate(e.StartsAt, CultureInfo.GetCultureInfo("fi"));
        var input = SurveySaver.FromTemplate(template, e.NetworkId, clock.GetUtcNow().UtcDateTime) with
        {
            Title = new LocalizedTextInput(
                Trim($"{template.Title.Fi}: {e.TitleFi} {date}"), Trim($"{template.Title.Sv}: {e.TitleFi} {date}"), Trim($"{template.Title.En}: {e.TitleFi} {date}")),
        };
        var (id, errors) = await saver.CreateAsync(input, null, cancellationToken, SurveyTemplates.EventFeedback, e.EventId, publish: true);
        if (id is null)
        {
            logger.LogWarning("The feedback survey of event {EventId} could not be made: {Errors}", e.EventId, string.Join(", ", errors.All.Keys));
            return;
        }

        await inviter.InviteAsync(id.Value, new InvitationInput(Audience: "event", EventId: e.EventId), null, cancellationToken);
    }

    public async Task HandleAsync(EventHeldRetracted e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await db.HeldEvents.Where(x => x.EventId == e.EventId).ExecuteDeleteAsync(cancellationToken);
        var feedback = await db.Surveys.Where(s => s.EventId == e.EventId && s.Template == SurveyTemplates.EventFeedback).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in feedback)
        {
            // An answer that came before Events heard of it keeps its survey (Events refuses undo from then on).
            if (await saver.DeleteAsync(id, null, cancellationToken) == false)
            {
                logger.LogWarning("The feedback survey {SurveyId} of event {EventId} has answers and stays although the event is no longer marked held", id, e.EventId);
            }
        }
    }

    private static string Trim(string title) => title.Length <= 200 ? title : title[..200];
}

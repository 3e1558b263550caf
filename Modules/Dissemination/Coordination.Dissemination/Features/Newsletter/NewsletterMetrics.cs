using System.Diagnostics.Metrics;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>The newsletter's instruments (meter "Coordination.Dissemination"): messages the SMTP
/// server accepted, so that an operator sees the send rate (rate() of the counter).</summary>
internal sealed class NewsletterMetrics
{
    private readonly Counter<long> _sent;

    public NewsletterMetrics(IMeterFactory meters)
        => _sent = meters.Create("Coordination.Dissemination")
            .CreateCounter<long>("coordination.newsletter.sent", "{message}", "Newsletter messages the SMTP server accepted.");

    public void Sent() => _sent.Add(1);
}

using System.Globalization;
using System.Security.Claims;
using Coordination.Monitoring.Access;
using Coordination.Monitoring.Reporting;
using Coordination.Monitoring.Indicators;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Modules;
using Coordination.Shared.Security;
using Microsoft.Extensions.Localization;

namespace Coordination.Monitoring.Features.Home;

/// <summary>Monitoring's part of the home page: reports due to the funder (coordinators: every
/// project; a project manager: their own), and for a funder's observer this year's headline
/// figures of each network given to them; coordinators each network's health (marks in order).</summary>
internal sealed class MonitoringHomeSections(MonitoringAccess access, ReportingDateService reports, IndicatorCalculator calculator, Health.HealthCalculator health, TimeProvider clock, IStringLocalizer<MonitoringStrings> l) : IHomeSectionSource
{
    public async Task<IReadOnlyList<HomeSection>> SectionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var sections = new List<HomeSection>();
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.ProjectManager))
        {
            var due = await reports.ListAsync(user, null, null, "due", cancellationToken);
            if (MonitoringAccess.IsCoordinator(user) || (await access.ManagedProjectsAsync(user, cancellationToken)).Count > 0)
            {
                sections.Add(new HomeSection(
                    "reports-due",
                    l["HomeReportsDue"],
                    [.. due.Select(d => new HomeItem(
                        $"{d.ProjectName}: {l["Kind_" + d.Kind]}",
                        $"/monitoring/projects/{d.ProjectId}/reports",
                        string.Format(CultureInfo.CurrentCulture, d.Overdue ? l["HomeReportOverdue"] : l["HomeReportDue"], Format.Date(d.DueDate)),
                        d.Overdue))],
                    Order: 60,
                    Empty: l["HomeNoReportsDue"],
                    More: new HomeItem(l["HomeAllReportingDates"], "/monitoring/reports")));
            }
        }

        if (MonitoringAccess.IsCoordinator(user))
        {
            // Network health: each network with how many of its ten marks are in order.
            var items = new List<HomeItem>();
            foreach (var network in await access.NetworksAsync(user, cancellationToken))
            {
                var marks = (await health.ComputeAsync(network.NetworkId, clock.GetUtcNow().UtcDateTime, cancellationToken)).Marks;
                var ok = marks.Count(m => m.Status == Health.MarkStatus.Ok);
                items.Add(new HomeItem(
                    Names.Of(network),
                    $"/monitoring/networks/{network.NetworkId}/health",
                    string.Format(CultureInfo.CurrentCulture, l["HealthLink"], ok, marks.Count),
                    ok < marks.Count));
            }

            sections.Add(new HomeSection("network-health", l["Health"], items, Order: 55, Empty: l["NoNetworks"]));
        }

        if (user.IsInRole(Roles.Funder) && !MonitoringAccess.IsCoordinator(user))
        {
            var year = HelsinkiTime.Today(clock).Year;
            var period = new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var items = new List<HomeItem>();
            foreach (var network in await access.NetworksAsync(user, cancellationToken))
            {
                var i = await calculator.ComputeAsync(network, period, cancellationToken);
                items.Add(new HomeItem(
                    Names.Of(network),
                    $"/monitoring/networks/{network.NetworkId}",
                    string.Format(CultureInfo.CurrentCulture, l["HomeFunderFigures"], Format.Count(i.EventsHeld), Format.Count(i.Participants), Format.Count(i.ModelsPublished), Format.Count(i.ModelsPeerReviewed))));
            }

            sections.Add(new HomeSection(
                "indicators",
                string.Format(CultureInfo.CurrentCulture, l["HomeIndicators"], year),
                items,
                Order: 10,
                Empty: l["NoNetworksGiven"],
                More: items.Count == 0 ? null : new HomeItem(l["HomeAllIndicators"], "/monitoring")));
        }

        return sections;
    }
}

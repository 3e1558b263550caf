using System.Globalization;
using Coordination.Monitoring.Data;
using Coordination.Monitoring.Indicators;
using Coordination.Monitoring.Resources;
using Coordination.Shared.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Coordination.Monitoring.Features.FunderReport;

/// <summary>The report as an XLSX workbook (MiniExcel): the summary sheet first, then one sheet
/// per area. Figures are numbers (shares as per cent, dates as dates), so Excel shows them in
/// the reader's own number format (Finnish: 12,5 %, 1.3.2027).</summary>
internal static class ReportWorkbook
{
    public static IResult File(FunderReportEndpoints.PageModel report, IStringLocalizer<MonitoringStrings> l)
    {
        var i = report.Indicators;
        var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";
        string T(string key) => l[key];
        var (indicator, value, share, rate, date) = (T("XlsxIndicator"), T("XlsxValue"), T("AttendanceShare"), T("ResponseRate"), T("XlsxDate"));

        var summary = new List<Dictionary<string, object?>>
        {
            Row(indicator, T("Network"), value, Names.Of(report.Network)),
            Row(indicator, T("Period"), value, $"{Format.Date(report.Period.From)}–{Format.Date(report.Period.To)}"),
            Row(indicator, T("EventsHeld"), value, i.EventsHeld),
            Row(indicator, T("Attendances"), value, i.Attendances),
            Row(indicator, T("Participants"), value, i.Participants),
            Row(indicator, T("OrganisationsReached"), value, i.OrganisationsReached),
            Row(indicator, T("ProjectsReached"), value, i.ProjectsReached),
            Row(indicator, T("ProjectsInNetwork"), value, i.Projects),
            Row(indicator, T("SurveysClosed"), value, i.Surveys),
            Row(indicator, T("SurveyInvitations"), value, i.SurveyInvitations),
            Row(indicator, T("Responses"), value, i.SurveyResponses),
            Row(indicator, T("ResponseRatePercent"), value, i.SurveyResponseRate is { } r ? Math.Round(r * 100, 1) : null),
            Row(indicator, T("ModelsPublished"), value, i.ModelsPublished),
            Row(indicator, T("ModelsPeerReviewed"), value, i.ModelsPeerReviewed),
            Row(indicator, T("ModelsExpertReviewed"), value, i.ModelsExpertReviewed),
            Row(indicator, T("NewsletterIssues"), value, i.NewsletterIssues),
            Row(indicator, T("NewsletterRecipients"), value, i.NewsletterRecipients),
            Row(indicator, T("Subscribers"), value, i.Subscribers),
            Row(indicator, T("NewSubscribers"), value, i.NewSubscribers),
            Row(indicator, T("Posts"), value, i.Posts),
        };

        var events = i.EventsByType.Select(t => new Dictionary<string, object?>
        {
            [T("EventType")] = T("Type_" + t.Type),
            [T("EventsHeld")] = t.Events,
            [T("Attendances")] = t.Attendances,
        }).ToList();

        var months = i.ByMonth.Select(m => new Dictionary<string, object?>
        {
            [T("Month")] = Attendees.MonthText((m.Year * 100) + m.Month, CultureInfo.CurrentCulture),
            [T("EventsHeld")] = m.EventsHeld,
            [T("Attendances")] = m.Attendances,
            [T("Participants")] = m.Participants,
            [T("ModelsPublished")] = m.ModelsPublished,
            [T("SurveysClosed")] = m.Surveys,
            [T("NewsletterIssues")] = m.NewsletterIssues,
            [T("Posts")] = m.Posts,
        }).ToList();

        var projects = i.ByProject.Select(p => new Dictionary<string, object?>
        {
            [T("Project")] = p.Name,
            [T("Acronym")] = p.Acronym,
            [T("Attendances")] = p.Attendances,
            [share] = p.AttendanceShare,
            [T("Participants")] = p.Participants,
            [T("EventsAttended")] = p.EventsAttended,
            [T("ModelsPublished")] = p.ModelsPublished,
            [T("ModelsPeerReviewed")] = p.ModelsPeerReviewed,
            [T("ModelsExpertReviewed")] = p.ModelsExpertReviewed,
            [T("Posts")] = p.Posts,
        }).ToList();

        var surveys = i.SurveyList.Select(s => new Dictionary<string, object?>
        {
            [T("Survey")] = swedish && s.TitleSv is not null ? s.TitleSv : s.TitleFi,
            [date] = HelsinkiTime.ToLocal(s.ClosedAt).Date,
            [T("Invited")] = s.Invited,
            [T("Responses")] = s.Responses,
            [rate] = s.ResponseRate,
        }).ToList();

        var newsletter = report.Issues.Select(n => new Dictionary<string, object?>
        {
            [T("NewsletterIssue")] = swedish && n.SubjectSv is not null ? n.SubjectSv : n.SubjectFi,
            [date] = HelsinkiTime.ToLocal(n.SentAt).Date,
            [T("NewsletterRecipients")] = n.Recipients,
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            [T("SheetSummary")] = summary,
            [T("SheetEvents")] = events,
            [T("SheetMonths")] = months,
            [T("SheetProjects")] = projects,
            [T("SheetSurveys")] = surveys,
            [T("SheetNewsletter")] = newsletter,
        };
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new DynamicExcelColumn(share) { Format = "0.0 %" },
                new DynamicExcelColumn(rate) { Format = "0.0 %" },
                new DynamicExcelColumn(date) { Format = "d.m.yyyy" },
            ],
            AutoFilter = false,
            // The default buffer (512 KiB per sheet) made a report of a few hundred cells allocate 45 MB.
            BufferSize = 16 * 1024,
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, configuration: configuration);
        var name = $"{T("XlsxFileName")}-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}.xlsx";
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static Dictionary<string, object?> Row(string indicatorColumn, string indicator, string valueColumn, object? value)
        => new() { [indicatorColumn] = indicator, [valueColumn] = value };
}

using Coordination.Membership.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Membership.Features.ImportApplication;

/// <summary>Finds the project an application was already imported as.</summary>
internal sealed class ImportedProjects(MembershipDbContext db)
{
    /// <summary>A project imported from the same application: the same applicant (lead
    /// organisation, by business ID or name) and either the same funding decision number or the
    /// same name with no other call case number. Another application of the same applicant to
    /// the same call has another name, so it is not taken for this one.</summary>
    public async Task<ExistingProjectPart?> FindAsync(ApplicationPreview preview, CancellationToken ct)
    {
        var applicant = preview.Organisations.FirstOrDefault(o => o.Role == "applicant");
        var p = preview.Project;
        if (applicant is null || p.Name is null)
        {
            return null;
        }

        var name = p.Name.Trim().ToLowerInvariant();
        var applicantName = applicant.Name.Trim().ToLowerInvariant();
        var leads = await db.Organisations.Where(o => (applicant.BusinessId != null && o.BusinessId == applicant.BusinessId) || o.Name.ToLower() == applicantName)
            .Select(o => o.Id).ToListAsync(ct);
        if (leads.Count == 0)
        {
            return null;
        }

        var candidates = await db.Projects.AsNoTracking()
            .Where(x => leads.Contains(x.LeadOrganisationId) && (x.Name.ToLower() == name || (p.FundingDecisionNumber != null && x.FundingDecisionNumber == p.FundingDecisionNumber)))
            .Select(x => new { x.Id, x.Name, x.FundingDecisionNumber, CaseNumber = db.Plans.Where(plan => plan.ProjectId == x.Id).Select(plan => plan.CallCaseNumber).FirstOrDefault() })
            .ToListAsync(ct);
        var match = candidates.FirstOrDefault(x => p.FundingDecisionNumber is not null && x.FundingDecisionNumber == p.FundingDecisionNumber)
            ?? candidates.FirstOrDefault(x => x.Name.Trim().ToLowerInvariant() == name && (x.CaseNumber is null || p.CallCaseNumber is null || x.CaseNumber == p.CallCaseNumber)
                && (x.FundingDecisionNumber is null || p.FundingDecisionNumber is null || x.FundingDecisionNumber == p.FundingDecisionNumber));
        return match is null ? null : new ExistingProjectPart(match.Id, match.Name);
    }
}

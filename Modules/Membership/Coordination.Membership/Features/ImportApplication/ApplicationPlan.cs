using Coordination.Membership.Data;

namespace Coordination.Membership.Features.ImportApplication;

/// <summary>What an application states, written onto the project: the plan's sections and the
/// budget lines. Hand-written rather than mapped: partners' plans are matched to organisations by
/// name.</summary>
internal static class ApplicationPlan
{
    public static void Apply(ProjectPlan plan, ApplicationPreview preview, Dictionary<OrganisationPart, Organisation> organisations, DateTime now)
    {
        var p = preview.Project;
        var a = preview.Plan;
        plan.CallName = p.CallName;
        plan.CallCaseNumber = p.CallCaseNumber;
        plan.CallPeriod = p.CallPeriod;
        plan.ApplicantEmail = a.ApplicantEmail;
        plan.OwnerType = a.OwnerType;
        plan.PostalAddress = a.PostalAddress;
        plan.PostalCode = a.PostalCode;
        plan.PostOffice = a.PostOffice;
        plan.Signatories = [.. a.Signatories.Select(s => new PlanSignatory(s.Name, s.Email))];
        plan.FocusAreas = p.FocusAreas;
        plan.LanguageOfBusiness = p.Language;
        plan.JointProject = p.JointProject;
        plan.OtherPartners = p.OtherPartners;
        plan.Summary = a.Summary;
        plan.Need = a.Need;
        plan.PreviousWork = a.PreviousWork;
        plan.TargetGroups = a.TargetGroups;
        plan.Involvement = a.Involvement;
        plan.Equality = a.Equality;
        plan.Uptake = a.Uptake;
        plan.OtherAnswers = [.. a.OtherAnswers.Select(x => new PlanAnswer(x.Question, x.Answer))];
        plan.NationalCoordination = a.NationalCoordination;
        plan.Attachments = a.Attachments;
        plan.VatIncluded = preview.Budget.VatIncluded;
        plan.GrantByFocusArea = [.. preview.Budget.GrantByFocusArea.Select(g => new PlanGrantShare(g.FocusArea, g.Amount))];
        plan.OtherFinancing = [.. preview.Budget.OtherFinancing.Select(f => new PlanFinancingLine(f.Label, f.Amount))];
        plan.Partners = [.. preview.PartnerPlans
            .Select(pp => (Plan: pp, Organisation: organisations.FirstOrDefault(o => Same(o.Key.Name, pp.Organisation)).Value))
            .Where(x => x.Organisation is not null)
            .DistinctBy(x => x.Organisation.Id)
            .Select(x => new PartnerPlan(x.Organisation.Id, x.Plan.WorkPlan, [.. x.Plan.Indicators.Select(i => new PlanIndicator(i.Name, i.Target))]))];
        plan.ImportedAt = now;
        plan.UpdatedAt = now;
        plan.Version++;
    }

    public static void AddBudget(Project project, Guid? organisationId, List<BudgetLinePart> lines)
    {
        var position = project.Budget.Count;
        foreach (var line in lines)
        {
            project.Budget.Add(new BudgetLine
            {
                Id = Guid.CreateVersion7(), ProjectId = project.Id, OrganisationId = organisationId, Position = position++, Category = line.Category,
                Description = line.Description, Amount = line.Amount,
            });
        }
    }

    public static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

using System.Security.Claims;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Resources;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.Plans;

internal enum PlanSaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>Reads and writes a project's plan with its budget lines (the project's and each
/// organisation's). Coordinators and the project's managers write; the plan's version guards
/// against two people saving over each other.</summary>
internal sealed class PlanSaver(MembershipDbContext db, IValidator<PlanInput> validator, ProjectAccess access, TimeProvider clock, IStringLocalizer<MembershipStrings> l)
{
    public sealed record SignatoryDto(string Name, string? Email);

    public sealed record AnswerDto(string Question, string Answer);

    public sealed record GrantShareDto(string FocusArea, decimal Amount);

    public sealed record FinancingLineDto(string Label, decimal Amount);

    public sealed record BudgetLineDto(string Category, string? Description, decimal Amount);

    public sealed record IndicatorDto(string Name, string? Target);

    /// <summary>One organisation of the project (the lead first) and its own part.</summary>
    public sealed record PartnerPlanDto(Guid OrganisationId, string OrganisationName, bool IsLead, string? WorkPlan, List<IndicatorDto> Indicators, List<BudgetLineDto> Budget);

    /// <summary>The plan under the funder's field names. The project's name, funding decision
    /// number and lead organisation are the project's (read only here).</summary>
    public sealed record PlanDto(
        Guid ProjectId, string ProjectName, string? FundingDecisionNumber, string LeadOrganisationName, string? LeadBusinessId,
        string? CallName, string? CallCaseNumber, string? CallPeriod,
        string? ApplicantEmail, string? OwnerType, string? PostalAddress, string? PostalCode, string? PostOffice, List<SignatoryDto> Signatories,
        string? FocusAreas, string? LanguageOfBusiness, bool? JointProject, string? OtherPartners,
        string? Summary, string? Need, string? PreviousWork, string? TargetGroups, string? Involvement, string? Equality, string? Uptake,
        List<AnswerDto> OtherAnswers, bool? NationalCoordination, string? Attachments,
        bool? VatIncluded, List<GrantShareDto> GrantByFocusArea, List<FinancingLineDto> OtherFinancing, List<BudgetLineDto> Budget,
        List<PartnerPlanDto> Partners, DateTime? ImportedAt, DateTime? UpdatedAt, int Version);

    public async Task<PlanDto?> LoadAsync(Guid projectId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Partners).Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, ct) ?? new ProjectPlan { ProjectId = projectId };
        var ids = project.Partners.Select(p => p.OrganisationId).Append(project.LeadOrganisationId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var lead = organisations.Single(o => o.Id == project.LeadOrganisationId);
        List<BudgetLineDto> Lines(Guid? organisationId)
            => [.. project.Budget.Where(b => b.OrganisationId == organisationId).OrderBy(b => b.Position).Select(b => new BudgetLineDto(b.Category, b.Description, b.Amount))];
        var partners = organisations
            .OrderByDescending(o => o.Id == project.LeadOrganisationId).ThenBy(o => o.Name, StringComparer.Create(Shared.Localization.FinnishFormat.Finnish, true))
            .Select(o =>
            {
                var part = plan.Partners.FirstOrDefault(p => p.OrganisationId == o.Id);
                return new PartnerPlanDto(o.Id, o.Name, o.Id == lead.Id, part?.WorkPlan, [.. (part?.Indicators ?? []).Select(i => new IndicatorDto(i.Name, i.Target))], Lines(o.Id));
            })
            .ToList();
        return new PlanDto(
            project.Id, project.Name, project.FundingDecisionNumber, lead.Name, lead.BusinessId,
            plan.CallName, plan.CallCaseNumber, plan.CallPeriod,
            plan.ApplicantEmail, plan.OwnerType, plan.PostalAddress, plan.PostalCode, plan.PostOffice, [.. plan.Signatories.Select(s => new SignatoryDto(s.Name, s.Email))],
            plan.FocusAreas, plan.LanguageOfBusiness, plan.JointProject, plan.OtherPartners,
            plan.Summary, plan.Need, plan.PreviousWork, plan.TargetGroups, plan.Involvement, plan.Equality, plan.Uptake,
            [.. plan.OtherAnswers.Select(a => new AnswerDto(a.Question, a.Answer))], plan.NationalCoordination, plan.Attachments,
            plan.VatIncluded, [.. plan.GrantByFocusArea.Select(g => new GrantShareDto(g.FocusArea, g.Amount))], [.. plan.OtherFinancing.Select(f => new FinancingLineDto(f.Label, f.Amount))],
            Lines(null), partners, plan.ImportedAt, plan.Version == 0 ? null : plan.UpdatedAt, plan.Version);
    }

    /// <summary>The plan as a form shows it first: the stored plan's values.</summary>
    public static PlanInput InputOf(PlanDto p) => new(
        p.CallName, p.CallCaseNumber, p.CallPeriod, p.ApplicantEmail, p.OwnerType, p.PostalAddress, p.PostalCode, p.PostOffice,
        [.. p.Signatories.Select(s => new SignatoryInput(s.Name, s.Email))], p.FocusAreas, p.LanguageOfBusiness, p.JointProject, p.OtherPartners,
        p.Summary, p.Need, p.PreviousWork, p.TargetGroups, p.Involvement, p.Equality, p.Uptake,
        [.. p.OtherAnswers.Select(a => new AnswerInput(a.Question, a.Answer))], p.NationalCoordination, p.Attachments, p.VatIncluded,
        [.. p.GrantByFocusArea.Select(g => new GrantShareInput(g.FocusArea, g.Amount))], [.. p.OtherFinancing.Select(f => new FinancingLineInput(f.Label, f.Amount))],
        [.. p.Budget.Select(b => new BudgetLineInput(b.Category, b.Description, b.Amount))],
        [.. p.Partners.Select(x => new PartnerPlanInput(x.OrganisationId, x.WorkPlan, [.. x.Indicators.Select(i => new IndicatorInput(i.Name, i.Target))], [.. x.Budget.Select(b => new BudgetLineInput(b.Category, b.Description, b.Amount))]))],
        p.Version);

    public async Task<(PlanSaveOutcome Outcome, int Version, FormErrors Errors)> SaveAsync(Guid projectId, PlanInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await db.Projects.Include(p => p.Partners).Include(p => p.Budget).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return (PlanSaveOutcome.NotFound, 0, FormErrors.None);
        }

        if (!await access.CanEditProjectAsync(user, projectId, ct))
        {
            return (PlanSaveOutcome.Forbidden, 0, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        var organisations = project.Partners.Select(p => p.OrganisationId).Append(project.LeadOrganisationId).ToHashSet();
        var partners = input.Partners ?? [];
        for (var i = 0; i < partners.Count; i++)
        {
            if (partners[i].OrganisationId is { } id && !organisations.Contains(id))
            {
                errors.Add($"partners[{i}].organisationId", l["PlanOrganisationNotInProject"]);
            }
        }

        if (!errors.IsEmpty)
        {
            return (PlanSaveOutcome.Invalid, 0, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.ProjectId == projectId, ct);
        if (plan is null)
        {
            if (input.Version != 0)
            {
                return (PlanSaveOutcome.Conflict, 0, FormErrors.None);
            }

            db.Plans.Add(plan = new ProjectPlan { ProjectId = projectId });
        }
        else
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = input.Version!.Value;
        }

        Apply(plan, input);
        plan.Version = input.Version!.Value + 1;
        plan.UpdatedAt = now;
        db.BudgetLines.RemoveRange(project.Budget);
        var position = 0;
        foreach (var (organisationId, lines) in new[] { ((Guid?)null, input.Budget ?? []) }.Concat(partners.Select(p => (p.OrganisationId, p.Budget ?? []))))
        {
            foreach (var line in lines.Where(x => !x.IsBlank))
            {
                db.BudgetLines.Add(new BudgetLine
                {
                    Id = Guid.CreateVersion7(), ProjectId = projectId, OrganisationId = organisationId, Position = position++, Category = line.Category!.Trim(),
                    Description = line.Description?.Trim(), Amount = line.Amount!.Value,
                });
            }
        }

        db.Audit(user.UserId(), "EditPlan", nameof(Project), projectId.ToString(), project.Name, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (PlanSaveOutcome.Conflict, 0, FormErrors.None);
        }

        return (PlanSaveOutcome.Saved, plan.Version, FormErrors.None);
    }

    private static void Apply(ProjectPlan plan, PlanInput input)
    {
        plan.CallName = input.CallName?.Trim();
        plan.CallCaseNumber = input.CallCaseNumber?.Trim();
        plan.CallPeriod = input.CallPeriod?.Trim();
        plan.ApplicantEmail = input.ApplicantEmail?.Trim().ToLowerInvariant();
        plan.OwnerType = input.OwnerType?.Trim();
        plan.PostalAddress = input.PostalAddress?.Trim();
        plan.PostalCode = input.PostalCode?.Trim();
        plan.PostOffice = input.PostOffice?.Trim();
        plan.Signatories = [.. (input.Signatories ?? []).Where(s => !s.IsBlank).Select(s => new PlanSignatory(s.Name!.Trim(), s.Email?.Trim().ToLowerInvariant()))];
        plan.FocusAreas = input.FocusAreas?.Trim();
        plan.LanguageOfBusiness = input.LanguageOfBusiness?.Trim();
        plan.JointProject = input.JointProject;
        plan.OtherPartners = input.OtherPartners?.Trim();
        plan.Summary = input.Summary?.Trim();
        plan.Need = input.Need?.Trim();
        plan.PreviousWork = input.PreviousWork?.Trim();
        plan.TargetGroups = input.TargetGroups?.Trim();
        plan.Involvement = input.Involvement?.Trim();
        plan.Equality = input.Equality?.Trim();
        plan.Uptake = input.Uptake?.Trim();
        plan.OtherAnswers = [.. (input.OtherAnswers ?? []).Where(a => !a.IsBlank).Select(a => new PlanAnswer(a.Question!.Trim(), a.Answer!.Trim()))];
        plan.NationalCoordination = input.NationalCoordination;
        plan.Attachments = input.Attachments?.Trim();
        plan.VatIncluded = input.VatIncluded;
        plan.GrantByFocusArea = [.. (input.GrantByFocusArea ?? []).Where(g => !g.IsBlank).Select(g => new PlanGrantShare(g.FocusArea!.Trim(), g.Amount!.Value))];
        plan.OtherFinancing = [.. (input.OtherFinancing ?? []).Where(f => !f.IsBlank).Select(f => new PlanFinancingLine(f.Label!.Trim(), f.Amount!.Value))];
        plan.Partners = [.. (input.Partners ?? [])
            .Select(p => new PartnerPlan(p.OrganisationId!.Value, p.WorkPlan?.Trim(), [.. (p.Indicators ?? []).Where(i => !i.IsBlank).Select(i => new PlanIndicator(i.Name!.Trim(), i.Target?.Trim()))]))
            .Where(p => p.WorkPlan is not null || p.Indicators.Count > 0)];
    }
}

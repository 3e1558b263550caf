using System.Security.Claims;
using Carter;
using Coordination.Membership.Access;
using Coordination.Membership.Data;
using Coordination.Membership.Integration;
using Coordination.Membership.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Membership.Features.CommitmentLetters;

/// <summary>A partner's commitment letter: the tasks it commits to, and who from its leadership
/// signed and when. One per organisation and project; coordinators and the project's managers edit.</summary>
internal sealed record LetterInput(List<string>? Tasks, string? SignedBy, DateOnly? SignedOn);

internal sealed class LetterInputValidator : AbstractValidator<LetterInput>
{
    public LetterInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<MembershipStrings> l)
    {
        RuleFor(x => x.Tasks).Must(t => t is { Count: > 0 }).WithMessage(_ => l["TasksRequired"]);
        RuleForEach(x => x.Tasks).MaximumLength(1000).WithMessage(_ => shared.Plural("TooLong", 1000, l["Tasks"]));
        RuleFor(x => x.SignedBy).MaximumLength(200).WithMessage(_ => shared.Plural("TooLong", 200, l["SignedBy"]));
        RuleFor(x => x.SignedBy).NotEmpty().When(x => x.SignedOn is not null).WithMessage(_ => l["SignerRequired"]);
        RuleFor(x => x.SignedOn).NotNull().When(x => !string.IsNullOrWhiteSpace(x.SignedBy)).WithMessage(_ => l["SignedOnRequired"]);
    }
}

internal sealed class CommitmentLetterEndpoints : ICarterModule
{
    public sealed record LetterDto(Guid ProjectId, Guid OrganisationId, List<string> Tasks, string? SignedBy, DateOnly? SignedOn, bool Signed);

    public sealed record FormModel(Guid ProjectId, string ProjectName, Guid OrganisationId, string OrganisationName, LetterInput Input, FormErrors Errors);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string page = "/membership/projects/{projectId:guid}/letters/{organisationId:guid}";
        app.MapGet(page, async Task<IResult> (Guid projectId, Guid organisationId, MembershipDbContext db, ProjectAccess access, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var names = await NamesAsync(db, projectId, organisationId, ct);
                if (names is null)
                {
                    return TypedResults.NotFound();
                }

                if (!await access.CanEditProjectAsync(user, projectId, ct))
                {
                    return TypedResults.Forbid();
                }

                var letter = await db.CommitmentLetters.AsNoTracking().SingleOrDefaultAsync(l => l.ProjectId == projectId && l.OrganisationId == organisationId, ct);
                var input = new LetterInput(letter?.Tasks ?? [], letter?.SignedBy, letter?.SignedOn);
                return Form(projectId, organisationId, names.Value, input, FormErrors.None);
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        app.MapPost(page, async Task<IResult> (Guid projectId, Guid organisationId, IFormCollection form, LetterSaver saver, MembershipDbContext db, ClaimsPrincipal user, IStringLocalizer<MembershipStrings> l, CancellationToken ct) =>
            {
                var formatErrors = new FormErrors();
                var input = new LetterInput(form.Lines("tasks"), form.Text("signedBy"), form.Date("signedOn", formatErrors, l["DateInvalid"]));
                if (!formatErrors.IsEmpty && await CommitmentLetterEndpoints.NamesAsync(db, projectId, organisationId, ct) is { } names)
                {
                    // A date that did not parse: nothing is saved.
                    return Form(projectId, organisationId, names, input, formatErrors, StatusCodes.Status400BadRequest);
                }

                var (status, errors) = await saver.SaveAsync(projectId, organisationId, input, user, ct);
                if (status == StatusCodes.Status200OK)
                {
                    return TypedResults.Redirect($"/membership/projects/{projectId}?saved=letter");
                }

                return status switch
                {
                    StatusCodes.Status404NotFound => TypedResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => Form(projectId, organisationId, (await NamesAsync(db, projectId, organisationId, ct))!.Value, input, errors, StatusCodes.Status400BadRequest),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .ExcludeFromDescription();

        var api = "/api/v1/membership/projects/{projectId:guid}/letters";
        app.MapGet(api, async Task<Results<Ok<List<LetterDto>>, ProblemHttpResult>> (Guid projectId, MembershipDbContext db, CancellationToken ct) =>
            {
                if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct))
                {
                    return ApiResults.NotFound();
                }

                var letters = await db.CommitmentLetters.AsNoTracking().Where(l => l.ProjectId == projectId).ToListAsync(ct);
                return TypedResults.Ok(letters.Select(l => new LetterDto(l.ProjectId, l.OrganisationId, l.Tasks, l.SignedBy, l.SignedOn, l.SignedOn is not null)).ToList());
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("The commitment letters of a project's organisations");

        app.MapPut(api + "/{organisationId:guid}", async Task<Results<Ok, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (Guid projectId, Guid organisationId, LetterInput input, LetterSaver saver, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (status, errors) = await saver.SaveAsync(projectId, organisationId, input, user, ct);
                return status switch
                {
                    StatusCodes.Status200OK => TypedResults.Ok(),
                    StatusCodes.Status404NotFound => ApiResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => ApiResults.Invalid(errors, shared),
                };
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithTags("Membership")
            .WithSummary("Records a partner's commitment letter: tasks, signer and date");
    }

    private static async Task<(string Project, string Organisation)?> NamesAsync(MembershipDbContext db, Guid projectId, Guid organisationId, CancellationToken ct)
    {
        if (await LetterSaver.ProjectOfAsync(db, projectId, organisationId, ct) is not { } project)
        {
            return null;
        }

        return (project.Name, await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct));
    }

    private static RazorComponentResult<CommitmentLetterPage> Form(Guid projectId, Guid organisationId, (string Project, string Organisation) names, LetterInput input, FormErrors errors, int status = StatusCodes.Status200OK)
        => new(new { Model = new FormModel(projectId, names.Project, organisationId, names.Organisation, input, errors) }) { StatusCode = status };
}

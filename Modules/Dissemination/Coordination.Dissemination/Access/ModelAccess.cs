using System.Security.Claims;
using Coordination.Dissemination.Data;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Access;

/// <summary>Why a model may not be changed: there is no such model, or it is not the user's to write.</summary>
internal enum WriteRefusal
{
    None,
    NotFound,
    Forbidden,
}

/// <summary>Who may write a model: coordinators any; a project manager the models of the projects
/// their own directory entry (found by the sign-in's e-mail) manages. The network's own models
/// (no project) are the coordinators'.</summary>
internal sealed class ModelAccess(DisseminationDbContext db)
{
    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    public async Task<IReadOnlySet<Guid>> ManagedProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.Email();
        if (email is null || !user.IsInRole(Roles.ProjectManager))
        {
            return new HashSet<Guid>();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Email == email).ToListAsync(ct);
        return people.SelectMany(p => p.ManagedProjects).ToHashSet();
    }

    /// <summary>The projects in which the user's directory entry (by the sign-in's e-mail) holds any role.</summary>
    public async Task<IReadOnlySet<Guid>> OwnProjectsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.Email();
        if (email is null)
        {
            return new HashSet<Guid>();
        }

        var people = await db.People.AsNoTracking().Where(p => p.Email == email).ToListAsync(ct);
        return people.SelectMany(p => p.Projects).ToHashSet();
    }

    public async Task<bool> CanWriteAsync(ClaimsPrincipal user, Guid? projectId, CancellationToken ct)
        => IsCoordinator(user) || (projectId is { } p && (await ManagedProjectsAsync(user, ct)).Contains(p));

    /// <summary>Loads the model a request is about to change from <paramref name="models"/>
    /// (tracked or not, as the caller needs): the model, or null with why not (a missing model is
    /// NotFound before anyone's rights are looked at).</summary>
    public async Task<(Model? Model, WriteRefusal Refusal)> ModelToWriteAsync(IQueryable<Model> models, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var model = await models.SingleOrDefaultAsync(m => m.Id == id, ct);
        return model is null ? (null, WriteRefusal.NotFound)
            : await CanWriteAsync(user, model.ProjectId, ct) ? (model, WriteRefusal.None)
            : (null, WriteRefusal.Forbidden);
    }

    /// <summary>A page's answer to a refusal: 404 or 403.</summary>
    public static IResult Refused(WriteRefusal refusal) => refusal == WriteRefusal.NotFound ? TypedResults.NotFound() : TypedResults.Forbid();

    /// <summary>A use case's status for a refusal: 404 or 403.</summary>
    public static int StatusOf(WriteRefusal refusal) => refusal == WriteRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
}

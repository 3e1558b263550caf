using System.Globalization;
using System.Security.Claims;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Blog;

/// <summary>A post as entered: kind blog or news, title and Markdown body in fi/sv/en, author.</summary>
internal sealed record PostInput(string? Kind, LocalizedTextInput? Title, LocalizedTextInput? Body, string? AuthorName, Guid? ProjectId = null)
{
    public static PostInput From(IFormCollection form) => new(form.Text("kind"), form.LocalizedText("title"), form.LocalizedText("body"), form.Text("authorName"), form.Id("projectId"));

    public static PostInput From(Post p) => new(EnumText.Of(p.Kind), LocalizedTextInput.From(p.Title), LocalizedTextInput.From(p.Body), p.AuthorName, p.ProjectId);
}

internal sealed class PostInputValidator : AbstractValidator<PostInput>
{
    public PostInputValidator(IStringLocalizer<SharedStrings> shared, IStringLocalizer<DisseminationStrings> l)
    {
        RuleFor(x => x.Kind).Must(EnumText.IsValid<PostKind>).WithMessage(_ => l["PostKindInvalid"]);
        RuleFor(x => x.Title).LocalizedText(shared, l["PostTitle"], required: true, 200);
        RuleFor(x => x.Body).LocalizedText(shared, l["PostBody"], required: true, 20000);
        RuleFor(x => x.AuthorName).NotEmpty().WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["Required"], l["Author"]))
            .MaximumLength(200).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, shared["TooLong"], l["Author"], 200));
    }
}

internal enum PostOutcome
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
    WrongState,
}

/// <summary>Writing posts: members write drafts and send them for approval; a coordinator
/// publishes or returns them with a note (and may publish their own at once). An author edits
/// their post until it is published; after that only coordinators do. A post names a project only
/// if the writer holds a role in it (coordinators: any project of the network).</summary>
internal sealed class PostWriter(DisseminationDbContext db, IValidator<PostInput> validator, ModelAccess access, IStringLocalizer<DisseminationStrings> l, TimeProvider clock)
{
    public async Task<(PostOutcome Outcome, Guid? Id, FormErrors Errors)> CreateAsync(PostInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        await CheckProjectAsync(input.ProjectId, null, user, errors, ct);
        if (!errors.IsEmpty)
        {
            return (PostOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var post = new Post { Id = Guid.CreateVersion7(), Status = PostStatus.Draft, AuthorUserId = user.UserId(), CreatedAt = now };
        Apply(post, input, now);
        db.Posts.Add(post);
        db.Audit(user.UserId(), "CreatePost", nameof(Post), post.Id.ToString(), post.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return (PostOutcome.Done, post.Id, errors);
    }

    public async Task<(PostOutcome Outcome, FormErrors Errors)> UpdateAsync(Guid id, PostInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return (PostOutcome.NotFound, FormErrors.None);
        }

        if (!CanEdit(post, user))
        {
            return (PostOutcome.Forbidden, FormErrors.None);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(input, ct));
        await CheckProjectAsync(input.ProjectId, post.ProjectId, user, errors, ct);
        if (!errors.IsEmpty)
        {
            return (PostOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(post, input, now);
        db.Audit(user.UserId(), "EditPost", nameof(Post), post.Id.ToString(), post.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return (PostOutcome.Done, errors);
    }

    /// <summary>submit (author), publish or return (coordinator).</summary>
    public async Task<PostOutcome> ActAsync(Guid id, string action, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return PostOutcome.NotFound;
        }

        var coordinator = ModelAccess.IsCoordinator(user);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case "submit" when post.AuthorUserId == user.UserId() || coordinator:
                if (post.Status is not (PostStatus.Draft or PostStatus.Returned))
                {
                    return PostOutcome.WrongState;
                }

                post.Status = PostStatus.Submitted;
                break;
            case "publish" when coordinator:
                if (post.Status == PostStatus.Published)
                {
                    return PostOutcome.WrongState;
                }

                post.Status = PostStatus.Published;
                post.PublishedAt = now;
                post.ReturnNote = null;
                break;
            case "return" when coordinator:
                if (post.Status != PostStatus.Submitted)
                {
                    return PostOutcome.WrongState;
                }

                post.Status = PostStatus.Returned;
                post.ReturnNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 1000)];
                break;
            default:
                return PostOutcome.Forbidden;
        }

        post.UpdatedAt = now;
        db.Audit(user.UserId(), action + "Post", nameof(Post), post.Id.ToString(), post.Title.Fi, now);
        await db.SaveChangesAsync(ct);
        return PostOutcome.Done;
    }

    /// <summary>A project the post is written in the name of must exist, and be one of the
    /// writer's own unless they are a coordinator or it is the one the post already names.</summary>
    private async Task CheckProjectAsync(Guid? projectId, Guid? current, ClaimsPrincipal user, FormErrors errors, CancellationToken ct)
    {
        if (projectId is not { } project || project == current)
        {
            return;
        }

        if (!await db.Projects.AnyAsync(p => p.ProjectId == project, ct))
        {
            errors.Add("projectId", l["PostProjectUnknown"]);
        }
        else if (!ModelAccess.IsCoordinator(user) && !(await access.OwnProjectsAsync(user, ct)).Contains(project))
        {
            errors.Add("projectId", l["PostProjectNotOwn"]);
        }
    }

    public static bool CanEdit(Post post, ClaimsPrincipal user)
        => user.IsInRole(Roles.Coordinator) || (post.AuthorUserId == user.UserId() && post.Status != PostStatus.Published);

    private static void Apply(Post post, PostInput input, DateTime now)
    {
        post.Kind = EnumText.TryParse<PostKind>(input.Kind, out var kind) ? kind : PostKind.Blog;
        post.Title = input.Title!.ToText();
        post.Body = input.Body!.ToText();
        post.AuthorName = input.AuthorName!.Trim();
        post.ProjectId = input.ProjectId;
        post.UpdatedAt = now;
        post.SearchText = string.Join(' ', post.Title.Fi, post.Title.Sv, post.Title.En, post.Body.Fi, post.Body.Sv, post.Body.En).ToLowerInvariant();
    }
}

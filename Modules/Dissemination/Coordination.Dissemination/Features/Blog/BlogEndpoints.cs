using System.Security.Claims;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Carter;
using Coordination.Dissemination.Access;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Resources;
using Coordination.Shared.Localization;
using Coordination.Shared.Security;
using Coordination.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Coordination.Dissemination.Features.Blog;

/// <summary>The shared blog and news: public list, post pages and RSS 2.0 / Atom 1.0 feeds;
/// members write and send posts for approval, coordinators publish or return them.</summary>
internal sealed class BlogEndpoints : ICarterModule
{
    public sealed record Created(Guid Id);

    public sealed record ActionInput(string? Note);

    public sealed record PostDto(Guid Id, string Kind, LocalizedTextInput Title, LocalizedTextInput Body, string AuthorName, string Status, DateTime? PublishedAt);

    public sealed record ListModel(List<Post> Items, int Total, Paging Paging, string? Kind);

    public sealed record PostModel(Post Post, bool CanEdit, bool IsCoordinator);

    public sealed record FormModel(Guid? Id, PostInput Input, FormErrors Errors, string? ReturnNote);

    public sealed record ManageModel(List<Post> Mine, List<Post> Waiting, bool IsCoordinator);

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/blog", async Task<IResult> (string? kind, int? page, DisseminationDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, 10);
                var query = Published(db, kind);
                var items = await query.OrderByDescending(p => p.PublishedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
                return new RazorComponentResult<BlogListPage>(new { Model = new ListModel(items, await query.CountAsync(ct), paging, kind) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/blog/{id:guid}", async Task<IResult> (Guid id, DisseminationDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
                var canEdit = post is not null && PostWriter.CanEdit(post, user);
                return post is null || (post.Status != PostStatus.Published && !canEdit && !ModelAccess.IsCoordinator(user))
                    ? TypedResults.NotFound()
                    : new RazorComponentResult<PostPage>(new { Model = new PostModel(post, canEdit, ModelAccess.IsCoordinator(user)) });
            })
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/blog/feed.rss", (DisseminationDbContext db, IConfiguration configuration, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
                FeedAsync(db, configuration, l, atom: false, ct))
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();
        app.MapGet("/blog/feed.atom", (DisseminationDbContext db, IConfiguration configuration, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
                FeedAsync(db, configuration, l, atom: true, ct))
            .AllowAnonymous()
            .CacheForVisitors("Dissemination")
            .ExcludeFromDescription();

        var pages = app.MapGroup("/blog/manage").RequireAuthorization(Policies.NetworkMember).ExcludeFromDescription();
        pages.MapGet("/", async Task<IResult> (DisseminationDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var me = user.UserId();
            var coordinator = ModelAccess.IsCoordinator(user);
            return new RazorComponentResult<BlogManagePage>(new
            {
                Model = new ManageModel(
                    await db.Posts.AsNoTracking().Where(p => p.AuthorUserId == me).OrderByDescending(p => p.UpdatedAt).Take(100).ToListAsync(ct),
                    coordinator ? await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Submitted).OrderBy(p => p.UpdatedAt).ToListAsync(ct) : [],
                    coordinator),
            });
        });
        pages.MapGet("/new", IResult () => new RazorComponentResult<PostFormPage>(new { Model = new FormModel(null, new PostInput("blog", null, null, null), FormErrors.None, null) }));
        pages.MapPost("/new", async Task<IResult> (IFormCollection form, PostWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = PostInput.From(form);
            var (_, id, errors) = await writer.CreateAsync(input, user, ct);
            return id is { } created ? TypedResults.Redirect($"/blog/{created}?saved=created")
                : new RazorComponentResult<PostFormPage>(new { Model = new FormModel(null, input, errors, null) }) { StatusCode = StatusCodes.Status400BadRequest };
        });
        pages.MapGet("/{id:guid}/edit", async Task<IResult> (Guid id, DisseminationDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            return post is null ? TypedResults.NotFound() : !PostWriter.CanEdit(post, user) ? TypedResults.Forbid()
                : new RazorComponentResult<PostFormPage>(new { Model = new FormModel(id, PostInput.From(post), FormErrors.None, post.ReturnNote) });
        });
        pages.MapPost("/{id:guid}/edit", async Task<IResult> (Guid id, IFormCollection form, PostWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var input = PostInput.From(form);
            var (outcome, errors) = await writer.UpdateAsync(id, input, user, ct);
            return outcome switch
            {
                PostOutcome.Done => TypedResults.Redirect($"/blog/{id}?saved=updated"),
                PostOutcome.NotFound => TypedResults.NotFound(),
                PostOutcome.Forbidden => TypedResults.Forbid(),
                _ => new RazorComponentResult<PostFormPage>(new { Model = new FormModel(id, input, errors, null) }) { StatusCode = StatusCodes.Status400BadRequest },
            };
        });
        foreach (var action in new[] { "submit", "publish", "return" })
        {
            pages.MapPost($"/{{id:guid}}/{action}", async Task<IResult> (Guid id, IFormCollection form, PostWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
                await writer.ActAsync(id, action, form.Text("note"), user, ct) switch
                {
                    PostOutcome.Done => TypedResults.Redirect($"/blog/{id}?saved={action}"),
                    PostOutcome.NotFound => TypedResults.NotFound(),
                    PostOutcome.Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.Redirect($"/blog/{id}"),
                });
        }

        var api = app.MapGroup("/api/v1/dissemination/posts").WithTags("Dissemination");
        api.MapGet("/", async Task<Ok<PagedResponse<PostDto>>> (string? kind, int? page, int? pageSize, DisseminationDbContext db, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var query = Published(db, kind);
                var items = await query.OrderByDescending(p => p.PublishedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
                return TypedResults.Ok(new PagedResponse<PostDto>([.. items.Select(Dto)], paging.Page, paging.PageSize, await query.CountAsync(ct)));
            })
            .AllowAnonymous()
            .WithSummary("Published blog posts and news, newest first (kind = blog or news)");
        api.MapPost("/", async Task<IResult> (PostInput input, PostWriter writer, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
            {
                var (_, id, errors) = await writer.CreateAsync(input, user, ct);
                return id is { } created ? TypedResults.Created($"/api/v1/dissemination/posts/{created}", new Created(created)) : ApiResults.Invalid(errors, shared);
            })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Writes a post as a draft");
        api.MapPut("/{id:guid}", async Task<IResult> (Guid id, PostInput input, PostWriter writer, ClaimsPrincipal user, IStringLocalizer<SharedStrings> shared, CancellationToken ct) =>
                await writer.UpdateAsync(id, input, user, ct) switch
                {
                    (PostOutcome.Done, _) => TypedResults.NoContent(),
                    (PostOutcome.NotFound, _) => ApiResults.NotFound(),
                    (PostOutcome.Forbidden, _) => TypedResults.Forbid(),
                    var (_, errors) => ApiResults.Invalid(errors, shared),
                })
            .RequireAuthorization(Policies.NetworkMember)
            .WithSummary("Edits a post (its author until it is published, coordinators always)");
        foreach (var action in new[] { "submit", "publish", "return" })
        {
            api.MapPost($"/{{id:guid}}/{action}", async Task<IResult> (Guid id, ActionInput? input, PostWriter writer, ClaimsPrincipal user, IStringLocalizer<DisseminationStrings> l, CancellationToken ct) =>
                    await writer.ActAsync(id, action, input?.Note, user, ct) switch
                    {
                        PostOutcome.Done => TypedResults.NoContent(),
                        PostOutcome.NotFound => ApiResults.NotFound(),
                        PostOutcome.Forbidden => TypedResults.Forbid(),
                        _ => ApiResults.Conflict(l["PostWrongState"]),
                    })
                .RequireAuthorization(Policies.NetworkMember)
                .WithSummary(action switch
                {
                    "submit" => "Sends the post for approval",
                    "publish" => "Publishes the post (coordinators)",
                    _ => "Returns a sent post to its author with a note { note } (coordinators)",
                });
        }
    }

    private static IQueryable<Post> Published(DisseminationDbContext db, string? kind)
    {
        var query = db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published);
        return EnumText.TryParse<PostKind>(kind, out var k) ? query.Where(p => p.Kind == k) : query;
    }

    private static PostDto Dto(Post p) => new(p.Id, EnumText.Of(p.Kind), LocalizedTextInput.From(p.Title), LocalizedTextInput.From(p.Body), p.AuthorName, EnumText.Of(p.Status), p.PublishedAt);

    /// <summary>The newest 30 posts as RSS 2.0 or Atom 1.0, in the language asked (?culture=).</summary>
    private static async Task<IResult> FeedAsync(DisseminationDbContext db, IConfiguration configuration, IStringLocalizer<DisseminationStrings> l, bool atom, CancellationToken ct)
    {
        var baseUrl = PublicUrl.Base(configuration);
        var posts = await Published(db, null).OrderByDescending(p => p.PublishedAt).Take(30).ToListAsync(ct);
        var feed = new SyndicationFeed(l["BlogFeedTitle"], l["BlogFeedDescription"], new Uri($"{baseUrl}/blog"))
        {
            Id = $"{baseUrl}/blog",
            Language = SupportedCultures.CurrentLanguage,
            LastUpdatedTime = posts.Count > 0 ? new DateTimeOffset(posts[0].PublishedAt!.Value, TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = [.. posts.Select(p =>
            {
                var link = new Uri($"{baseUrl}/blog/{p.Id}");
                var item = new SyndicationItem(p.Title.InCurrentCulture().Text, new TextSyndicationContent(MarkdownRenderer.ToSafeHtml(p.Body.InCurrentCulture().Text).Value, TextSyndicationContentKind.Html), link, link.ToString(), new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero))
                {
                    PublishDate = new DateTimeOffset(p.PublishedAt!.Value, TimeSpan.Zero),
                };
                item.Authors.Add(new SyndicationPerson { Name = p.AuthorName });
                return item;
            })],
        };
        feed.Links.Add(new SyndicationLink(new Uri($"{baseUrl}/blog/feed.{(atom ? "atom" : "rss")}"), "self", null, atom ? "application/atom+xml" : "application/rss+xml", 0));
        var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            if (atom)
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            else
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(writer);
            }
        }

        return TypedResults.File(buffer.ToArray(), atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
    }
}

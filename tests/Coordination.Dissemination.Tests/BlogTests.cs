using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Dissemination.Tests;

/// <summary>The blog: members write, coordinators approve or return; the public sees only
/// published posts; the RSS and Atom feeds parse and hold harmless HTML.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class BlogTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_members_post_is_published_after_approval_and_appears_in_both_feeds()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var member = await App.ApiClientAsync(Roles.Member);
        var id = await DisseminationSetup.IdOfAsync(await member.PostAsJsonAsync("/api/v1/dissemination/posts", new
        {
            kind = "blog", title = new { fi = "Kokemuksia vertaisohjauksesta", sv = "Erfarenheter av kamrathandledning" },
            body = new { fi = "Hyvä **kokemus**. <script>alert(1)</script>" }, authorName = "Mikko Jäsen",
        }));
        var guest = App.CreateClient();
        Assert.That((await guest.GetAsync($"/blog/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a draft is not public");
        Assert.That((await member.PostAsync($"/api/v1/dissemination/posts/{id}/publish", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only coordinators publish");
        Assert.That((await member.PostAsync($"/api/v1/dissemination/posts/{id}/submit", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await coordinator.PostAsJsonAsync($"/api/v1/dissemination/posts/{id}/return", new { note = "Lisää esimerkki" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await member.PostAsync($"/api/v1/dissemination/posts/{id}/submit", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await coordinator.PostAsync($"/api/v1/dissemination/posts/{id}/publish", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await member.PutAsJsonAsync($"/api/v1/dissemination/posts/{id}", new { kind = "blog", title = new { fi = "Muutettu" }, body = new { fi = "x" }, authorName = "M" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "published: the author no longer edits");

        var list = await guest.GetFromJsonAsync<JsonObject>("/api/v1/dissemination/posts");
        Assert.That(list!["items"]!.AsArray().Any(p => p!["id"]!.GetValue<Guid>() == id), Is.True);
        Assert.That(await guest.GetStringAsync($"/blog/{id}"), Does.Not.Contain("<script>alert"));

        var rss = await guest.GetAsync("/blog/feed.rss");
        Assert.That(rss.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/rss+xml"));
        using (var reader = XmlReader.Create(await rss.Content.ReadAsStreamAsync()))
        {
            var feed = SyndicationFeed.Load(reader);
            var item = feed.Items.Single(i => i.Id.EndsWith(id.ToString(), StringComparison.Ordinal));
            Assert.That(item.Title.Text, Is.EqualTo("Kokemuksia vertaisohjauksesta"));
            Assert.That(((TextSyndicationContent)item.Summary).Text, Does.Contain("<strong>kokemus</strong>").And.Not.Contain("<script"));
        }

        using (var reader = XmlReader.Create(await guest.GetStreamAsync("/blog/feed.atom?culture=sv")))
        {
            var feed = SyndicationFeed.Load(reader);
            Assert.That(feed.Items.Single(i => i.Id.EndsWith(id.ToString(), StringComparison.Ordinal)).Title.Text, Is.EqualTo("Erfarenheter av kamrathandledning"));
            Assert.That(feed.Items.Single().Authors.Single().Name, Is.EqualTo("Mikko Jäsen"));
        }
    }

    [Test]
    public async Task Invalid_posts_are_field_errors_and_the_blog_pages_answer()
    {
        var member = await App.ApiClientAsync(Roles.Member);
        var invalid = await member.PostAsJsonAsync("/api/v1/dissemination/posts", new { kind = "rumour", title = new { fi = "" }, authorName = "" });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "kind", "title.fi", "body", "authorName" }));
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/dissemination/posts", new { kind = "blog" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var browser = await App.BrowserClientAsync(Roles.Coordinator);
        foreach (var path in new[] { "/blog", "/blog?kind=news", "/blog/manage", "/blog/manage/new" })
        {
            Assert.That((await browser.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    [Test]
    public async Task One_search_finds_models_and_posts_by_parts_of_compound_words()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var network = await DisseminationSetup.NetworkAsync(App, coordinator);
        var model = await DisseminationSetup.PublishedAsync(coordinator, DisseminationSetup.Card(network, null, $"Työelämäyhteistyön malli {stamp}"));
        var post = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/dissemination/posts", new { kind = "news", title = new { fi = $"Työelämäyhteistyö kasvaa {stamp}" }, body = new { fi = "Uutinen." }, authorName = "Koordinaattori" }));
        await coordinator.PostAsync($"/api/v1/dissemination/posts/{post}/publish", null);

        var found = await App.CreateClient().GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/search?q=yhteisty%C3%B6+{stamp}");
        Assert.That(found!["models"]!.AsArray().Select(m => m!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { model }));
        Assert.That(found["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { post }));
        Assert.That(await App.CreateClient().GetStringAsync($"/search?q=el%C3%A4m%C3%A4+{stamp}"), Does.Contain($"Työelämäyhteistyö kasvaa {stamp}"));
    }

    [Test]
    public async Task A_member_posts_only_in_the_name_of_a_project_they_belong_to()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await DisseminationSetup.NetworkAsync(App, coordinator);
        var own = await DisseminationSetup.ProjectAsync(App, coordinator, network, "OMA");
        var other = await DisseminationSetup.ProjectAsync(App, coordinator, network, "MUU");
        var email = await App.CreateUserAsync(Roles.Member);
        var person = await DisseminationSetup.IdOfAsync(await coordinator.PostAsJsonAsync("/api/v1/membership/people", new { name = "Yhteyshenkilö", email, language = "fi", roles = new[] { new { role = "contact", projectId = own } } }));
        Assert.That(await Eventually.WaitForAsync(() => DisseminationSetup.InDisseminationAsync(App, db => db.People.AnyAsync(p => p.PersonId == person)), k => k), Is.True);
        var member = await App.ApiClientForAsync(email, CoordinationApp.Password);
        object Post(Guid? projectId) => new { kind = "blog", title = new { fi = "Hankkeen kuulumisia" }, body = new { fi = "Teksti." }, authorName = "Jäsen", projectId };

        var mine = await member.PostAsJsonAsync("/api/v1/dissemination/posts", Post(own));
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.Created), "in the name of their own project");
        var id = await DisseminationSetup.IdOfAsync(mine);
        foreach (var (projectId, why) in new (Guid, string)[] { (other, "another project"), (Guid.NewGuid(), "no such project") })
        {
            var refused = await member.PostAsJsonAsync("/api/v1/dissemination/posts", Post(projectId));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), why);
            Assert.That((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("projectId"), why);
        }

        var moved = await member.PutAsJsonAsync($"/api/v1/dissemination/posts/{id}", Post(other));
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "nor moves a post to another project");
        Assert.That(await DisseminationSetup.InDisseminationAsync(App, db => db.Posts.Where(p => p.Id == id).Select(p => p.ProjectId).SingleAsync()), Is.EqualTo(own));

        var stranger = await App.ApiClientAsync(Roles.Member);
        Assert.That((await stranger.PostAsJsonAsync("/api/v1/dissemination/posts", Post(own))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a member outside the directory");
        Assert.That((await stranger.PostAsJsonAsync("/api/v1/dissemination/posts", Post(null))).StatusCode, Is.EqualTo(HttpStatusCode.Created), "in nobody's name is fine");
        Assert.That((await coordinator.PostAsJsonAsync("/api/v1/dissemination/posts", Post(other))).StatusCode, Is.EqualTo(HttpStatusCode.Created), "coordinators write for any project");
    }
}

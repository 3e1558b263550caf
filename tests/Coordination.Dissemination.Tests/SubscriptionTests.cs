using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Dissemination.Data;
using Coordination.Dissemination.Features.Newsletter;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Dissemination.Tests;

/// <summary>Newsletter subscriptions: double opt-in, no second mail to a subscriber, one-click
/// unsubscribe (RFC 8058) without an antiforgery token, tokens that cannot be forged or swapped.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class SubscriptionTests(Provider provider) : AppFixture(provider)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Coordination:RateLimits:PublicFormsPerMinute"] = "1000000" };

    private async Task<Subscriber> SubscriberAsync(string email)
        => await DisseminationSetup.InDisseminationAsync(App, db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Email == email));

    [Test]
    public async Task A_subscription_starts_only_when_the_mailed_link_is_confirmed()
    {
        var email = $"tilaaja-{Guid.NewGuid():N}@example.fi";
        var guest = App.CreateBrowserClient();
        var page = await guest.PostFormAsync("/newsletter/subscribe", "/newsletter/subscribe", new() { ["email"] = email.ToUpperInvariant(), ["language"] = "sv" });
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Pending));
        var mail = (await App.MailAsync()).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal));
        Assert.That(mail.Subject, Is.EqualTo("Bekräfta prenumerationen på nyhetsbrevet"), "in the chosen language");
        var confirm = ConfirmLink().Match(mail.TextBody!).Groups[1].Value;

        var opened = await guest.GetAsync($"/newsletter/confirm/{confirm}");
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Pending), "opening the link (a mail scanner might) changes nothing");
        var confirmed = await guest.PostFormAsync($"/newsletter/confirm/{confirm}", $"/newsletter/confirm/{confirm}", []);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Confirmed));
        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var again = await App.CreateClient().PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email, language = "fi" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "the same answer: the form does not tell who subscribes");
        Assert.That((await App.MailAsync()).Count(m => m.To.ToString().Contains(email, StringComparison.Ordinal)), Is.EqualTo(1), "no second mail to a subscriber");

        var invalid = await App.CreateClient().PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email = "ei-osoite", language = "de" });
        Assert.That((await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "email", "language" }));
    }

    [Test]
    public async Task One_click_unsubscribe_works_without_a_form_token_and_tokens_cannot_stand_for_each_other()
    {
        var email = $"peruja-{Guid.NewGuid():N}@example.fi";
        var (subscriber, confirm) = await ConfirmedAsync(email, "fi");

        var client = App.CreateClient();
        Assert.That((await client.PostAsync($"/newsletter/unsubscribe/{confirm}", new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound), "a confirmation token does not unsubscribe");
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Confirmed));

        var unsubscribe = subscriber.UnsubscribeToken;
        Assert.That(unsubscribe, Does.Match("^[0-9a-f]{32}$"));
        Assert.That((await client.GetAsync($"/newsletter/unsubscribe/{unsubscribe}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Confirmed), "opening the page changes nothing");
        var oneClick = await client.PostAsync($"/newsletter/unsubscribe/{unsubscribe}", new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.That(oneClick.StatusCode, Is.EqualTo(HttpStatusCode.OK), "RFC 8058: a POST from the mail client, no form token");
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Unsubscribed));
        Assert.That((await client.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/confirm", new { token = confirm })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an old confirmation does not resubscribe");
        Assert.That((await client.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/unsubscribe", new { token = unsubscribe[..^3] + "xyz" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var list = await coordinator.GetFromJsonAsync<JsonObject>("/api/v1/dissemination/newsletter/subscribers?status=unsubscribed");
        Assert.That(list!["page"]!["items"]!.AsArray().Any(i => i!["email"]!.GetValue<string>() == email && i["status"]!.GetValue<string>() == "unsubscribed"), Is.True);
        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.GetAsync("/api/v1/dissemination/newsletter/subscribers")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_link_from_an_issue_sent_before_tokens_were_stored_still_unsubscribes()
    {
        var email = $"vanha-linkki-{Guid.NewGuid():N}@example.fi";
        var (subscriber, _) = await ConfirmedAsync(email, "sv");

        // What the site put into every issue until 2026-12-03: the id protected with the site's keys.
        var old = App.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
            .CreateProtector("Coordination.Dissemination.Subscribe.Unsubscribe.v1").ProtectId(subscriber.Id);
        var client = App.CreateClient();
        Assert.That((await client.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/unsubscribe", new { token = old[..^3] + "xyz" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/unsubscribe", new { token = subscriber.UnsubscribeToken[..^1] + "g" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Confirmed));
        Assert.That((await client.PostAsync($"/newsletter/unsubscribe/{old}", new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SubscriberAsync(email)).Status, Is.EqualTo(SubscriberStatus.Unsubscribed));
    }

    /// <summary>Subscribes <paramref name="email"/> through the API and confirms it with the mailed
    /// link; returns the subscriber and the confirmation token.</summary>
    private async Task<(Subscriber Subscriber, string ConfirmToken)> ConfirmedAsync(string email, string language)
    {
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions", new { email, language })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var confirm = ConfirmLink().Match((await App.MailAsync()).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal)).TextBody!).Groups[1].Value;
        Assert.That((await App.CreateClient().PostAsJsonAsync("/api/v1/dissemination/newsletter/subscriptions/confirm", new { token = confirm })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        return (await SubscriberAsync(email), confirm);
    }

    [GeneratedRegex(@"/newsletter/confirm/([A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmLink();
}

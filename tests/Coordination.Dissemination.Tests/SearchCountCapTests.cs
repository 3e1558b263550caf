using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Dissemination.Catalogue;
using Coordination.Dissemination.Data;
using Coordination.Shared.Data;

namespace Coordination.Dissemination.Tests;

/// <summary>A word found in more models than <see cref="SearchIndex.CountCap"/>: PostgreSQL stops
/// counting there and says "over", with pages up to the cap; SQLite's FTS5 counts them all. Below
/// the cap both count exactly.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class SearchCountCapTests(Provider provider) : AppFixture(provider)
{
    private const int Models = SearchIndex.CountCap + 1;
    private const int Rare = 3;
    private string _common = "";
    private string _rare = "";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        // Written straight into the table: 1,001 cards through the API would take minutes.
        var stamp = Guid.NewGuid().ToString("N")[..8];
        (_common, _rare) = ("rajattu" + stamp, "harvinainen" + stamp);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await DisseminationSetup.InDisseminationAsync(App, db =>
        {
            for (var i = 0; i < Models; i++)
            {
                var model = new Model
                {
                    Id = Guid.NewGuid(), NetworkId = Guid.NewGuid(), Status = ModelStatus.Published,
                    Title = new LocalizedText { Fi = $"Rajattu malli {i:0000}" },
                    Summary = new LocalizedText { Fi = i < Rare ? $"{_common} ja {_rare}" : _common },
                    CreatedAt = start, UpdatedAt = start, PublishedAt = start.AddMinutes(i),
                };
                model.SearchText = SearchIndex.TextOf(model);
                db.Models.Add(model);
            }

            return db.SaveChangesAsync();
        });
    }

    [Test]
    public async Task A_common_word_counts_up_to_the_cap_on_PostgreSQL_and_its_pages_link_on()
    {
        var guest = App.CreateClient();
        var capped = Provider == Provider.Postgres;
        var shown = capped ? SearchIndex.CountCap : Models;
        var first = await guest.GetStringAsync($"/method-bank?q={_common}");
        Assert.That(Status(first), Is.EqualTo(capped ? $"yli {shown} mallia" : $"{shown} mallia"));

        var next = WebUtility.HtmlDecode(Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">").Groups[1].Value);
        Assert.That(next, Does.EndWith("&page=2"));
        var second = await guest.GetStringAsync(next);
        Assert.That(Titles(second), Has.Count.EqualTo(20));
        Assert.That(Titles(second).Intersect(Titles(first)), Is.Empty, "the next twenty");
        var lastPage = (shown + 19) / 20;
        var last = await guest.GetStringAsync($"/method-bank?q={_common}&page={lastPage}");
        Assert.That(Titles(last), Has.Count.EqualTo(shown - ((lastPage - 1) * 20)));
        Assert.That(last, Does.Contain("rel=\"prev\"").And.Not.Contain("rel=\"next\""));
        Assert.That(Titles(await guest.GetStringAsync($"/method-bank?q={_common}&page={lastPage + 1}")), Is.Empty);

        var api = (await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models?q={_common}&pageSize=100&page={(shown / 100) + 1}"))!;
        Assert.That(api["total"]!.GetValue<int>(), Is.EqualTo(shown));
        Assert.That(api["totalIsLowerBound"]?.GetValue<bool>(), Is.EqualTo(capped ? true : null), "written only when the count stopped");
        Assert.That(api["items"]!.AsArray(), Has.Count.EqualTo(shown % 100));
        var search = (await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/search?q={_common}"))!;
        Assert.That((search["modelCount"]!.GetValue<int>(), search["modelCountIsLowerBound"]?.GetValue<bool>()), Is.EqualTo((shown, capped ? true : (bool?)null)));
        Assert.That(await guest.GetStringAsync($"/search?q={_common}"), Does.Contain(capped ? $"yli {shown} toimintamallia" : $"{shown} toimintamallia"));
    }

    [Test]
    public async Task A_rare_word_is_counted_exactly_on_both()
    {
        var guest = App.CreateClient();
        var page = await guest.GetStringAsync($"/method-bank?q={_rare}");
        Assert.That(Status(page), Is.EqualTo($"{Rare} mallia"));
        Assert.That(Titles(page), Is.EquivalentTo(Enumerable.Range(0, Rare).Select(i => $"Rajattu malli {i:0000}")));
        var api = (await guest.GetFromJsonAsync<JsonObject>($"/api/v1/dissemination/models?q={_rare}+{_common}"))!;
        Assert.That((api["total"]!.GetValue<int>(), api.ContainsKey("totalIsLowerBound")), Is.EqualTo((Rare, false)), "both words");
    }

    private static string Status(string html) => StatusParagraph().Match(html).Groups[1].Value.Trim();

    private static List<string> Titles(string html) => [.. Title().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"<p role=""status"">([^<]*)</p>")]
    private static partial Regex StatusParagraph();

    [GeneratedRegex(@">(Rajattu malli \d{4})</a>")]
    private static partial Regex Title();
}

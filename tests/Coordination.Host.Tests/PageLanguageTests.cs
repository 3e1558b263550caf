using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Coordination.Shared.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Host.Tests;

/// <summary>Every page of the route table (those with an id on one thing of each kind), read by a
/// coordinator and by a guest in Swedish and in English, as the issue's reader did by eye: no
/// resource key instead of a text, and no Finnish word of the site's own texts (a word found only
/// in the Finnish resources) left in it. The routes are enumerated at run time, so a new page is
/// read too.</summary>
public sealed partial class PageLanguageTests() : AppFixture(Provider.Sqlite)
{
    // Not pages for reading: feeds, files, the API and the technical tools; the audit trail shows
    // what was recorded in the words it was recorded in.
    private static readonly string[] Skipped = ["/api/", "/health", "/openapi", "/culture", "/jobs", "/account/sign-in", "/account/reset-password", "/metrics", "/admin/audit"];

    public static IEnumerable<string> Languages => ["sv", "en"];

    /// <summary>One thing of each kind, by the path its pages start with (longest first wins), so
    /// that pages with an id are read with something on them.</summary>
    private readonly Dictionary<string, Guid> _ids = [];

    [OneTimeSetUp]
    public async Task SomethingOfEachKindAsync()
    {
        var api = await App.ApiClientAsync(Roles.Coordinator);
        var network = await IdAsync(api.PostAsJsonAsync("/api/v1/membership/networks", new { name = new { fi = "Alfa", sv = "Språkens nätverk", en = "Network of languages" } }));
        var organisation = await IdAsync(api.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Gamma", type = "educationProvider", language = "fi" }));
        var project = await IdAsync(api.PostAsJsonAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Beta", acronym = "BE", fundingDecisionNumber = "OPH-1/2026", leadOrganisationId = organisation,
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 100000m, ownFinancing = 20000m,
        }));
        var person = await IdAsync(api.PostAsJsonAsync("/api/v1/membership/people", new { name = "Aino Esimerkki", email = $"aino-{Guid.NewGuid():N}@example.fi", language = "fi", roles = new[] { new { role = "projectManager", projectId = project } } }));
        var survey = await Eventually.WaitForAsync(() => api.PostAsJsonAsync("/api/v1/surveys/from-template", new { networkId = network, template = "networkFeedback" }), r => r.IsSuccessStatusCode);
        var model = await Eventually.WaitForAsync(() => api.PostAsJsonAsync("/api/v1/dissemination/models", new
        {
            networkId = network, projectId = project, title = new { fi = "Delta", sv = "Modell", en = "Model" }, summary = new { fi = "Epsilon", sv = "Sammanfattning", en = "Summary" },
            challenge = new { fi = "Zeta" }, method = new { fi = "Eta" }, result = new { fi = "Theta" }, themes = new[] { "Iota" },
        }), r => r.IsSuccessStatusCode);
        var modelId = await IdAsync(Task.FromResult(model));
        await api.PostAsync($"/api/v1/dissemination/models/{modelId}/publish", null);
        var startsAt = DateTimeOffset.UtcNow.AddDays(20);
        var @event = await IdAsync(Eventually.WaitForAsync(() => api.PostAsJsonAsync("/api/v1/events", new
        {
            networkId = network, type = "networkMeeting", title = new { fi = "Kappa", sv = "Möte", en = "Meeting" }, description = new { fi = "Lambda", sv = "Beskrivning", en = "Description" },
            startsAt = Time(startsAt), endsAt = Time(startsAt.AddHours(2)), audience = "public", capacity = 10, place = "Helsinki", projectId = project,
        }), r => r.IsSuccessStatusCode));
        var post = await IdAsync(api.PostAsJsonAsync("/api/v1/dissemination/posts", new { kind = "news", title = new { fi = "My", sv = "Nyhet", en = "News" }, body = new { fi = "Ny", sv = "Text", en = "Text" }, authorName = "Omikron" }));
        var issue = await IdAsync(api.PostAsJsonAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Pi", sv = "Nummer", en = "Issue" } }));
        var round = await IdAsync(api.PostAsJsonAsync("/api/v1/peer-review/rounds", new
        {
            // A round's criteria are written in one language by whoever makes it (the defaults in theirs).
            name = "Rho", type = "peer", reviewersPerSubmission = 1, maxReviewsPerReviewer = 5, criteria = new[] { new { title = "Sigma", rubric = new[] { "1", "2", "3", "4", "5" } } },
        }));
        foreach (var (prefix, id) in new (string, Guid)[]
        {
            ("/membership/networks/", network), ("/monitoring/networks/", network), ("/networks/", network), ("/membership/organisations/", organisation),
            ("/membership/projects/", project), ("/monitoring/projects/", project), ("/projects/", project), ("/membership/people/", person),
            ("/surveys/", await IdAsync(Task.FromResult(survey))), ("/method-bank/", modelId), ("/events/", @event), ("/blog/", post), ("/blog/manage/", post),
            ("/newsletter/manage/", issue), ("/peer-review/rounds/", round),
        })
        {
            _ids[prefix] = id;
        }
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Guid> IdAsync(Task<HttpResponseMessage> request) => await ApiSetup.IdOfAsync(await request);

    [TestCaseSource(nameof(Languages))]
    public async Task Every_page_reads_in_the_chosen_language(string language)
    {
        var client = await App.BrowserClientAsync(Roles.Coordinator);
        var words = FinnishOnlyWords();
        var keys = ResourceKeys();
        var read = 0;
        var found = new List<string>();
        // The coordinator reads every page; a guest reads the public ones as they are shown to guests.
        var guest = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var (reader, path) in PagePaths().Select(p => (client, p)).Concat(PagePaths().Select(p => (guest, p))))
        {
            var response = await reader.GetAsync($"{path}?culture={language}&ui-culture={language}");
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            read++;
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            var tokens = Word().Matches(text).Select(m => m.Value).ToList();
            found.AddRange(tokens.Where(keys.Contains).Distinct().Select(t => $"{path}: key {t}"));
            found.AddRange(tokens.Select(t => t.ToLowerInvariant()).Where(words.Contains).Distinct().Select(t => $"{path}: Finnish \"{t}\""));
        }

        TestContext.Out.WriteLine($"{read} pages read in {language}");
        Assert.That(read, Is.GreaterThan(60), "pages read");
        Assert.That(found, Is.Empty, $"texts on {language} pages that are not in {language}:\n{string.Join("\n", found)}");
    }

    [Test]
    public void The_reader_finds_a_key_and_a_Finnish_word_and_not_a_language_name()
    {
        var text = VisibleText("""<p>Tallenna <b>NavEvents</b></p><a lang="fi" href="/culture/fi">Suomi</a><script>var tallenna;</script><img alt="Peruuta"> tallenna@example.fi""");
        Assert.That(Word().Matches(text).Select(m => m.Value), Is.EqualTo(new[] { "Tallenna", "NavEvents", "Peruuta" }));
        Assert.That(FinnishOnlyWords(), Does.Contain("tallenna"));
        Assert.That(ResourceKeys(), Does.Contain("NavEvents"));
    }

    /// <summary>GET routes without a value, and those whose one value is an id of a kind made above.</summary>
    private IEnumerable<string> PagePaths() => App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
        .Where(p => !Skipped.Any(s => p.StartsWith(s, StringComparison.Ordinal)) && !Path.HasExtension(p))
        .Select(Filled)
        .OfType<string>()
        .Distinct()
        .Order(StringComparer.Ordinal);

    private string? Filled(string route)
    {
        var value = RouteValue().Matches(route);
        if (value.Count == 0)
        {
            return route;
        }

        var prefix = route[..value[0].Index];
        var kind = _ids.Keys.Where(k => prefix.EndsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        return value.Count == 1 && value[0].Value.StartsWith("{id", StringComparison.Ordinal) && kind is not null ? route.Replace(value[0].Value, _ids[kind].ToString(), StringComparison.Ordinal) : null;
    }

    /// <summary>What a reader sees: text and the labels of images, buttons and fields; not scripts,
    /// styles, or what is marked as Finnish on purpose (the language switch, a name given in Finnish).</summary>
    private static string VisibleText(string html)
    {
        html = Hidden().Replace(html, " ");
        html = MarkedFinnish().Replace(html, " ");
        var labels = string.Join(" ", Label().Matches(html).Select(m => m.Groups["text"].Value));
        var text = Tag().Replace(html, " ") + " " + labels;
        // Addresses are names, not words of the page's language ("saavutettavuus@…").
        return AddressOrLink().Replace(WebUtility.HtmlDecode(text), " ").Replace("Testi Käyttäjä", " ", StringComparison.Ordinal);
    }

    /// <summary>Words (five letters or more) of the Finnish texts that no Swedish or English text has.</summary>
    private static HashSet<string> FinnishOnlyWords()
    {
        var (fi, other) = (new HashSet<string>(), new HashSet<string>());
        foreach (var file in ResourceFiles())
        {
            var target = file.EndsWith(".sv.resx", StringComparison.Ordinal) || file.EndsWith(".en.resx", StringComparison.Ordinal) ? other : fi;
            foreach (var value in XDocument.Load(file).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? ""))
            {
                target.UnionWith(Word().Matches(PlaceholderOrMarkup().Replace(value, " ")).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 5));
            }
        }

        fi.ExceptWith(other);
        return fi;
    }

    /// <summary>Keys that read as keys (two capitals or more, "NavEvents"), as a missing text shows.</summary>
    private static HashSet<string> ResourceKeys() =>
    [
        .. ResourceFiles().Where(f => !f.EndsWith(".sv.resx", StringComparison.Ordinal) && !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
            .Where(k => k.Count(char.IsUpper) >= 2),
    ];

    private static IEnumerable<string> ResourceFiles()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Coordination.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Coordination.sln not found above the test directory");
        }

        return new[] { "Host", "Shared", "Modules" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(root.FullName, top), "*Strings*.resx", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<(script|style|template|head|code)\b.*?</\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(\w+)\b[^>]*\blang=""fi""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex MarkedFinnish();

    [GeneratedRegex(@"\b(?:aria-label|title|placeholder|alt)=""(?<text>[^""]*)""")]
    private static partial Regex Label();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\S+@\S+|\bhttps?://\S+")]
    private static partial Regex AddressOrLink();

    [GeneratedRegex(@"\{\d+[^}]*\}|<[^>]*>|&\w+;")]
    private static partial Regex PlaceholderOrMarkup();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

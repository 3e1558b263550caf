using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>Every POST, PUT and PATCH operation of the OpenAPI document, as a coordinator, with
/// real ids in the route where one fits, first with a plausible body built from the operation's
/// schema and then with that body spoiled one place at a time: null in an array, null for an
/// object, the wrong type, a huge string, an invalid GUID or date. Nothing may answer 5xx, and a
/// 400 is problem details with errors per field.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class ApiFuzzTests(Provider provider) : AppFixture(provider)
{
    private const int MaxDepth = 4;
    private static readonly string Huge = new('x', 100_000);

    private readonly Dictionary<string, Guid> _ids = [];
    private HttpClient _coordinator = null!;
    private JsonObject _document = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Coordination:RateLimits:PublicFormsPerMinute"] = "1000000",
    };

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _coordinator = await App.ApiClientAsync(Roles.Coordinator);
        _document = (await App.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var network = await CreateAsync("/api/v1/membership/networks", new { name = new { fi = $"Sumutusverkosto {Guid.NewGuid():N}" } });
        var organisation = await CreateAsync("/api/v1/membership/organisations", new { name = $"Sumutusopisto {Guid.NewGuid():N}", type = "educationProvider", language = "fi" });
        var project = await CreateAsync("/api/v1/membership/projects", new
        {
            networkId = network, name = "Sumutushanke", acronym = "SUMU", fundingDecisionNumber = "OPH-1/2026", leadOrganisationId = organisation, partnerOrganisationIds = Array.Empty<Guid>(),
            startDate = "2026-01-01", endDate = "2027-12-31", grantedAmount = 1000m, ownFinancing = 100m,
        });
        var person = await CreateAsync("/api/v1/membership/people", new { name = "Sumu Henkilö", email = $"sumu-{Guid.NewGuid():N}@example.fi", language = "fi", roles = new[] { new { role = "contact", projectId = project } } });
        var start = DateTimeOffset.UtcNow.AddDays(20);
        var @event = await CreateAsync("/api/v1/events", new
        {
            networkId = network, type = "developmentDay", title = new { fi = "Sumutuspäivä" }, description = new { fi = "Kuvaus" },
            startsAt = start.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), endsAt = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            audience = "network", capacity = 10, place = "Helsinki",
        });
        var survey = await CreateAsync("/api/v1/surveys", new
        {
            networkId = network, title = new { fi = "Sumutuskysely" }, anonymous = true,
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            closesAt = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            questions = new[] { new { key = "a", type = "likert", text = new { fi = "Väite" }, cantSay = true } },
        });
        var model = await CreateAsync("/api/v1/dissemination/models", new
        {
            networkId = network, projectId = project, title = new { fi = "Sumutusmalli" }, summary = new { fi = "Tiivistelmä" }, challenge = new { fi = "Haaste" },
            method = new { fi = "Menetelmä" }, result = new { fi = "Tulos" }, targetGroup = new { fi = "Opiskelijat" }, themes = new[] { "Osallisuus" }, contactName = "Sumu", contactEmail = "sumu@example.fi",
        });
        var post = await CreateAsync("/api/v1/dissemination/posts", new { kind = "blog", title = new { fi = "Sumutus" }, body = new { fi = "Teksti" }, authorName = "Sumu" });
        var issue = await CreateAsync("/api/v1/dissemination/newsletter/issues", new { subject = new { fi = "Sumutuskirje" } });
        var round = await CreateAsync("/api/v1/peer-review/rounds", new { name = "Sumutuskierros", type = "peer", reviewersPerSubmission = 2, maxReviewsPerReviewer = 3, closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) });
        foreach (var (names, id) in new (string[], Guid)[]
        {
            (["networks", "networkId"], network), (["organisations", "organisationId", "leadOrganisationId"], organisation), (["projects", "projectId"], project),
            (["people", "personId"], person), (["events", "eventId"], @event), (["surveys", "surveyId"], survey), (["models", "modelId"], model),
            (["posts", "postId"], post), (["issues", "issueId"], issue), (["rounds", "roundId"], round),
        })
        {
            foreach (var name in names)
            {
                _ids[name] = id;
            }
        }
    }

    [Test]
    public async Task No_garbage_body_makes_any_write_operation_fail_with_a_server_error()
    {
        var failures = new List<string>();
        var requests = 0;
        var reached = new HashSet<string>();
        foreach (var (method, path, operation) in Operations())
        {
            var schema = RequestSchema(operation);
            var baseline = schema is null ? null : Sample(schema, "", 0);
            var url = Url(path, operation);
            foreach (var (what, body) in Variants(baseline))
            {
                requests++;
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await _coordinator.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status != 404)
                {
                    reached.Add($"{method} {path}");
                }

                if (status >= 500)
                {
                    failures.Add($"{method} {url} [{what}] → {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (status == 400 && schema is not null && !await HasFieldErrorsAsync(response))
                {
                    failures.Add($"{method} {url} [{what}] → 400 without field errors: {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        TestContext.Out.WriteLine($"{requests} requests to {Operations().Count()} operations; {reached.Count} reached past the route (not 404)");
        // Server errors first: they are the worse kind.
        var report = failures.OrderBy(f => f.Contains("→ 400", StringComparison.Ordinal)).Take(80);
        Assert.That(failures, Is.Empty, $"{failures.Count(f => !f.Contains("→ 400", StringComparison.Ordinal))} server errors, {failures.Count(f => f.Contains("→ 400", StringComparison.Ordinal))} 400s without field errors:\n{string.Join("\n", report)}");
        Assert.That(requests, Is.GreaterThan(500), "the document should list the API's write operations");
    }

    private async Task<Guid> CreateAsync(string path, object body)
    {
        // The other modules learn of the network and project from Membership's events; until then a
        // POST naming them is refused with 400 and stores nothing, so it is retried.
        var response = await Eventually.WaitForAsync(() => _coordinator.PostAsJsonAsync(path, body), r => r.StatusCode != HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"{path}: {text}");
        var json = JsonNode.Parse(text)!;
        return (json["id"] ?? json["projectId"])!.GetValue<Guid>();
    }

    private IEnumerable<(string Method, string Path, JsonObject Operation)> Operations()
    {
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            foreach (var method in new[] { "post", "put", "patch" })
            {
                if (item![method] is JsonObject operation)
                {
                    yield return (method.ToUpperInvariant(), path, operation);
                }
            }
        }
    }

    private JsonObject? RequestSchema(JsonObject operation)
        => operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject schema ? Resolve(schema) : null;

    /// <summary>The route with an id of the right kind of thing where one fits (by the segment
    /// before the parameter), a new GUID for other ids, and "1" or "x" for the rest.</summary>
    private string Url(string path, JsonObject operation)
    {
        var parameters = operation["parameters"]?.AsArray().OfType<JsonObject>().ToDictionary(p => p["name"]!.GetValue<string>(), p => p) ?? [];
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Parameter().Match(segments[i]);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups[1].Value;
            var before = i > 0 ? segments[i - 1] : "";
            var schema = parameters.TryGetValue(name, out var p) && p["schema"] is JsonObject s ? Resolve(s) : null;
            segments[i] = _ids.TryGetValue(name, out var byName) ? byName.ToString()
                : _ids.TryGetValue(before, out var id) && name is "id" ? id.ToString()
                : schema?["format"]?.GetValue<string>() == "uuid" || name.EndsWith("id", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString()
                : TypeOf(schema) is "integer" or "number" ? "1"
                : "x";
        }

        return string.Join('/', segments);
    }

    private JsonObject Resolve(JsonObject schema)
    {
        for (var i = 0; i < 10 && schema["$ref"] is JsonValue reference; i++)
        {
            schema = _document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!.AsObject();
        }

        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[key] is JsonArray options && options.OfType<JsonObject>().Select(Resolve).FirstOrDefault(o => TypeOf(o) != "null") is { } chosen)
            {
                return chosen;
            }
        }

        return schema;
    }

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        // OpenAPI 3.1: ["null", "string"], ["integer", "string"] (numbers may be sent as strings).
        JsonArray types => types.Select(t => t!.GetValue<string>()).OrderBy(t => t is "null" ? 2 : t is "string" ? 1 : 0).FirstOrDefault(),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    /// <summary>A plausible value of <paramref name="schema"/>: ids of real things where the
    /// property's name says which, the first of an enumeration, dates in the future.</summary>
    private JsonNode? Sample(JsonObject schema, string name, int depth)
    {
        schema = Resolve(schema);
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        var format = schema["format"]?.GetValue<string>();
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth < MaxDepth && schema["properties"] is JsonObject properties)
                {
                    foreach (var (key, value) in properties)
                    {
                        result[key] = Sample(value!.AsObject(), key, depth + 1);
                    }
                }

                return result;
            case "array":
                return depth < MaxDepth && schema["items"] is JsonObject items ? new JsonArray(Sample(items, name, depth + 1)) : new JsonArray();
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "string" when format == "uuid":
                return (_ids.TryGetValue(name, out var id) ? id : Guid.NewGuid()).ToString();
            case "string" when format == "date-time":
                return "2027-03-01T10:00:00+02:00";
            case "string" when format == "date":
                return "2027-03-01";
            case "string" when name.Contains("mail", StringComparison.OrdinalIgnoreCase):
                return $"sumu-{Guid.NewGuid():N}@example.fi";
            case "string" when name.Contains("url", StringComparison.OrdinalIgnoreCase) || name.Contains("link", StringComparison.OrdinalIgnoreCase):
                return "https://example.fi/sumu";
            case "string":
                return name is "fi" or "sv" or "en" ? "Sumutusteksti" : "x";
            default:
                return null;
        }
    }

    /// <summary>The plausible body, then one spoilt place at a time, then garbage instead of a body.</summary>
    private static IEnumerable<(string What, string Body)> Variants(JsonNode? baseline)
    {
        if (baseline is not null)
        {
            yield return ("plausible", baseline.ToJsonString());
            foreach (var (path, node) in Places(baseline, "$"))
            {
                foreach (var (what, replacement) in Spoilers(node))
                {
                    var copy = baseline.DeepClone();
                    Replace(copy, path, replacement);
                    yield return ($"{path} = {what}", copy.ToJsonString());
                }
            }
        }

        yield return ("null body", "null");
        yield return ("array body", "[null]");
        yield return ("string body", "\"x\"");
        yield return ("empty object", "{}");
    }

    private static IEnumerable<(string Path, JsonNode? Node)> Places(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    yield return ($"{path}.{key}", child);
                    foreach (var inner in Places(child, $"{path}.{key}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array when array.Count > 0:
                yield return ($"{path}[0]", array[0]);
                foreach (var inner in Places(array[0], $"{path}[0]"))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static IEnumerable<(string What, JsonNode? Value)> Spoilers(JsonNode? node)
    {
        yield return ("null", null);
        switch (node)
        {
            case JsonArray:
                yield return ("[null]", new JsonArray((JsonNode?)null));
                yield return ("[1]", new JsonArray(1));
                yield return ("{}", new JsonObject());
                break;
            case JsonObject:
                yield return ("[]", new JsonArray());
                yield return ("1", 1);
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = value.GetValue<string>();
                yield return ("huge string", Huge);
                yield return ("{}", new JsonObject());
                yield return ("number", 12345);
                if (Guid.TryParse(text, out _))
                {
                    yield return ("invalid guid", "not-a-guid");
                    yield return ("empty guid", Guid.Empty.ToString());
                }
                else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, out _))
                {
                    yield return ("invalid date", "2027-13-45");
                    yield return ("far date", "9999-12-31T23:59:59Z");
                }

                break;
            case JsonValue:
                yield return ("string", "x");
                yield return ("huge number", 1e300);
                yield return ("negative", -2147483648);
                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var steps = Step().Matches(path).Select(m => m.Value).ToList();
        var node = root;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            node = steps[i].StartsWith('[') ? node![0]! : node![steps[i][1..]]!;
        }

        var last = steps[^1];
        if (last.StartsWith('['))
        {
            node!.AsArray()[0] = value;
        }
        else
        {
            node!.AsObject()[last[1..]] = value;
        }
    }

    private static async Task<bool> HasFieldErrorsAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"] is JsonObject errors && errors.Count > 0;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"^\{([A-Za-z]+)[^}]*\}$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\.[A-Za-z0-9_]+|\[0\]")]
    private static partial Regex Step();
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Membership.Data;
using Coordination.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Membership.Tests;

/// <summary>The funding application importer on fictional applications in the funder's text form.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ImportApplicationTests(Provider provider) : AppFixture(provider)
{
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _coordinator = await App.ApiClientAsync(Roles.Coordinator);

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    [Test]
    public async Task The_preview_of_a_sixteen_organisation_application_reads_everything_and_changes_nothing()
    {
        var before = await CountsAsync();
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(Setup.Application("network-16.txt")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var organisations = preview["organisations"]!.AsArray();
        var goals = preview["goals"]!.AsArray();
        Assert.Multiple(async () =>
        {
            Assert.That(preview["project"]!["name"]!.GetValue<string>(), Is.EqualTo("Yhdessä osaamista – verkostot ohjauksen tukena"));
            Assert.That(preview["project"]!["fundingDecisionNumber"], Is.Null, "Asianumero is the call's case number, not a decision's");
            Assert.That(preview["project"]!["callCaseNumber"]!.GetValue<string>(), Is.EqualTo("OPH-9999-2026"));
            Assert.That(preview["project"]!["startDate"]!.GetValue<string>(), Is.EqualTo("2027-01-01"));
            Assert.That(preview["project"]!["endDate"]!.GetValue<string>(), Is.EqualTo("2028-12-31"));
            Assert.That(organisations, Has.Count.EqualTo(16));
            Assert.That(organisations[0]!["role"]!.GetValue<string>(), Is.EqualTo("applicant"));
            Assert.That(organisations[0]!["businessId"]!.GetValue<string>(), Is.EqualTo("2783981-8"));
            Assert.That(organisations[0]!["contactName"]!.GetValue<string>(), Is.EqualTo("Maija Mallikas"));
            Assert.That(organisations.Skip(1).Select(o => o!["role"]!.GetValue<string>()), Is.All.EqualTo("partner"));
            Assert.That(organisations[7]!["name"]!.GetValue<string>(), Is.EqualTo("Lakeuden ammattikoulutus"), "the blank line inside the list is skipped");
            Assert.That(organisations[15]!["contactEmail"]!.GetValue<string>(), Is.EqualTo("kalle.koivu@marjalan.example.fi"));
            Assert.That(goals, Has.Count.EqualTo(4));
            Assert.That(goals[0]!["focusArea"]!.GetValue<string>(), Is.EqualTo("2.1 Ohjauksen kehittäminen"));
            Assert.That(goals[0]!["objective"]!.GetValue<string>(), Does.StartWith("Ohjauksen saavutettavuus"));
            Assert.That(goals[1]!["focusArea"]!.GetValue<string>(), Is.EqualTo("2.1. Ohjauksen kehittäminen"));
            Assert.That(goals[3]!["focusArea"], Is.Null);
            Assert.That(goals[3]!["monitoring"]!.GetValue<string>(), Is.EqualTo("Itsearviointi hankkeen lopussa."), "the question after the last goal is not part of it");
            Assert.That(preview["budget"]!["total"]!.GetValue<decimal>(), Is.EqualTo(1_000_000m));
            Assert.That(preview["budget"]!["grant"]!.GetValue<decimal>(), Is.EqualTo(750_000m));
            Assert.That(preview["budget"]!["ownFinancing"]!.GetValue<decimal>(), Is.EqualTo(250_000m));
            Assert.That(preview["budget"]!["lines"]!.AsArray(), Has.Count.EqualTo(6), "the partners' own budgets are not the project's lines");
            Assert.That(preview["budget"]!["lines"]![0]!["description"]!.GetValue<string>(), Is.EqualTo("koordinaattorin palkka, viestintä"));
            Assert.That(preview["warnings"]!.AsArray(), Is.Empty);
            Assert.That(await CountsAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_damaged_application_gives_warnings_never_a_500_and_cannot_be_imported()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var text = Setup.Application("damaged.txt");
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(text));
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var warnings = preview["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(warnings, Has.Some.Contains("1234567-8"), "the bad business ID");
            Assert.That(warnings, Has.Some.Contains("31.2.2027"), "the impossible date");
            Assert.That(warnings, Has.Some.Contains("Ilman osoitetta opisto"), "the partner without e-mail");
            Assert.That(warnings, Has.Some.Contains("ei-osoite@"), "the broken e-mail");
            Assert.That(warnings, Has.Some.Contains("paljon"), "the unreadable amount");
            Assert.That(preview["organisations"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Rikkinäisen opiston kuntayhtymä", "Ilman osoitetta opisto", "Väärä osoite oy" }));
        });

        var before = await CountsAsync();
        var import = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text));
        var problem = await import.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Does.Contain("project.endDate"));
        Assert.That(await CountsAsync(), Is.EqualTo(before), "nothing was created");
    }

    [TestCase("")]
    [TestCase("\u0000\u0001 binääriä ☃ \t\t\n\n")]
    [TestCase("Tavoite\nTavoite\nToiminta\n1\nTavoite")]
    [TestCase("Menot\t\nMenot yhteensä\t\tx")]
    public async Task Nonsense_is_read_without_errors(string text)
    {
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(text));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["warnings"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task An_import_creates_the_project_its_organisations_contacts_goals_budget_and_plan()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        await Setup.OrganisationAsync(_coordinator, "Nimeltä tunnettu opisto"); // matched by name
        var text = Setup.Application("network-16.txt", "import").Replace("Järvilaakson ammattiopisto", "Nimeltä tunnettu opisto", StringComparison.Ordinal);
        var response = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text));
        var projectId = await Setup.IdOfAsync(response);
        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}");
        var plan = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}/plan");
        Assert.Multiple(async () =>
        {
            Assert.That(project!["partnerOrganisationIds"]!.AsArray(), Has.Count.EqualTo(15));
            Assert.That(project["grantedAmount"]!.GetValue<decimal>(), Is.EqualTo(750_000m));
            Assert.That(project["ownFinancingShare"]!.GetValue<decimal>(), Is.EqualTo(25.0m));
            Assert.That(project["budget"]!.AsArray().Select(b => b!["category"]!.GetValue<string>()).First(), Is.EqualTo("Yhteishankkeen koordinaatiomenot"), "the lines keep the application's order");
            Assert.That(project["budget"]!.AsArray(), Has.Count.EqualTo(6));
            Assert.That(project["budget"]![1]!["description"]!.GetValue<string>(), Is.EqualTo("osatoteutusten henkilöstö"));
            Assert.That(project["fundingDecisionNumber"], Is.Null, "no decision yet: the call's case number is not one");
            Assert.That(project["callCaseNumber"]!.GetValue<string>(), Is.EqualTo("OPH-9999-2026"));
            var goals = await _coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/membership/goals?projectId={projectId}");
            Assert.That(goals, Has.Count.EqualTo(4));
            var people = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?projectId={projectId}&pageSize=100");
            Assert.That(people!["total"]!.GetValue<int>(), Is.EqualTo(16));
            var managers = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?projectId={projectId}&role=projectManager");
            Assert.That(managers!["items"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Maija Mallikas"));
            var named = await _coordinator.GetFromJsonAsync<JsonObject>("/api/v1/membership/organisations?q=Nimeltä tunnettu");
            Assert.That(named!["total"]!.GetValue<int>(), Is.EqualTo(1), "matched by name, not duplicated");

            // The plan, under the funder's field names.
            Assert.That(plan!["callName"]!.GetValue<string>(), Does.StartWith("Yhdessä osaamista – Ammatillisen koulutuksen kehittämisavustus"));
            Assert.That(plan["callCaseNumber"]!.GetValue<string>(), Is.EqualTo("OPH-9999-2026"));
            Assert.That(plan["callPeriod"]!.GetValue<string>(), Is.EqualTo("1.9.2026 klo 9.00 — 15.10.2026 klo 16.15"));
            Assert.That(plan["ownerType"]!.GetValue<string>(), Is.EqualTo("Kunta/kuntayhtymä"));
            Assert.That(plan["applicantEmail"]!.GetValue<string>(), Is.EqualTo("kirjaamo@aurinkolahti.example.fi"));
            Assert.That(plan["postalAddress"]!.GetValue<string>(), Is.EqualTo("PL 1"));
            Assert.That(plan["postalCode"]!.GetValue<string>(), Is.EqualTo("00001"));
            Assert.That(plan["signatories"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Pertti Päättäjä" }));
            Assert.That(plan["signatories"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("pertti.paattaja@aurinkolahti.example.fi"));
            Assert.That(plan["focusAreas"]!.GetValue<string>(), Is.EqualTo("2.1 Ohjauksen kehittäminen, 2.2 Työelämäyhteistyön vahvistaminen"));
            Assert.That(plan["languageOfBusiness"]!.GetValue<string>(), Is.EqualTo("Suomi"));
            Assert.That(plan["jointProject"]!.GetValue<bool>(), Is.True);
            Assert.That(plan["summary"]!.GetValue<string>(), Does.StartWith("Verkoston oppilaitokset kehittävät yhdessä"));
            Assert.That(plan["need"]!.GetValue<string>(), Does.StartWith("Verkoston opiskelijakyselyjen mukaan"));
            Assert.That(plan["targetGroups"]!.GetValue<string>(), Is.EqualTo("Opinto-ohjaajat, opettajat ja työpaikkaohjaajat."));
            Assert.That(plan["involvement"]!.GetValue<string>(), Is.EqualTo("Opiskelijat arvioivat kokeiluja ja henkilöstö osallistuu työpajoihin."));
            Assert.That(plan["equality"]!.GetValue<string>(), Does.StartWith("Chat-ohjaus tavoittaa myös etäopiskelijat"));
            Assert.That(plan["uptake"]!.GetValue<string>(), Does.StartWith("Mallit kuvataan menetelmäpankkiin"));
            Assert.That(plan["otherAnswers"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(plan["otherAnswers"]![0]!["question"]!.GetValue<string>(), Is.EqualTo("Miten hanke tekee yhteistyötä työelämän kanssa?"));
            Assert.That(plan["nationalCoordination"]!.GetValue<bool>(), Is.False);
            Assert.That(plan["vatIncluded"]!.GetValue<bool>(), Is.False);
            Assert.That(plan["attachments"]!.GetValue<string>(), Does.Contain("Työsuunnitelmat 14.10.2026.pdf"));
            Assert.That(plan["grantByFocusArea"]!.AsArray().Select(g => g!["amount"]!.GetValue<decimal>()), Is.EqualTo(new[] { 450_000m, 300_000m }));
            Assert.That(plan["grantByFocusArea"]![0]!["focusArea"]!.GetValue<string>(), Is.EqualTo("2.1 Ohjauksen kehittäminen"));
            Assert.That(plan["otherFinancing"]!.AsArray().Select(f => f!["label"]!.GetValue<string>()), Is.EqualTo(new[] { "Hankkeesta saadut tulot", "EU-rahoitus", "Muu julkinen rahoitus" }));
            Assert.That(plan["budget"]!.AsArray(), Has.Count.EqualTo(6));

            // Every organisation of the project, the lead first; three with their own part.
            var partners = plan["partners"]!.AsArray();
            Assert.That(partners, Has.Count.EqualTo(16));
            Assert.That(partners[0]!["organisationName"]!.GetValue<string>(), Is.EqualTo("Aurinkolahden koulutuskuntayhtymä"));
            Assert.That(partners[0]!["isLead"]!.GetValue<bool>(), Is.True);
            Assert.That(partners[0]!["budget"]!.AsArray().Single()!["amount"]!.GetValue<decimal>(), Is.EqualTo(60_000m));
            var pohjanranta = partners.Single(x => x!["organisationName"]!.GetValue<string>() == "Pohjanrannan koulutuskuntayhtymä")!;
            Assert.That(pohjanranta["workPlan"]!.GetValue<string>(), Is.EqualTo("Pohjanranta kokeilee chat-ohjausta kahdessa toimipisteessä."));
            Assert.That(pohjanranta["indicators"]!.AsArray().Select(i => $"{i!["name"]}={i["target"]}"), Is.EqualTo(new[] { "Chat-ohjauskontaktit=300", "Koulutetut ohjaajat=6" }));
            Assert.That(pohjanranta["budget"]!.AsArray().Select(b => b!["amount"]!.GetValue<decimal>()), Is.EqualTo(new[] { 40_000m, 5_000m }));
            Assert.That(pohjanranta["budget"]![0]!["description"]!.GetValue<string>(), Is.EqualTo("ohjaajien palkat"));
            Assert.That(partners.Count(x => x!["workPlan"] is not null), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_preview_says_by_section_what_is_not_stored_and_no_bank_detail_or_identity_number_is_kept_anywhere()
    {
        // A fictional identity number (the well-known example of the population register) and an
        // account number in a free text, and a line of a section the import does not know.
        var text = Setup.Application("network-16.txt", "secrets")
            .Replace("Maija Mallikas\tmaija.mallikas@", "Salla Salainen 131052-308T\tsalla.salainen@", StringComparison.Ordinal)
            .Replace("Opinto-ohjaajat, opettajat ja työpaikkaohjaajat.", "Opinto-ohjaajat, opettajat ja työpaikkaohjaajat. Palautukset tilille FI21 1234 5600 0007 85.", StringComparison.Ordinal)
            .Replace("HANKETIEDOT", "HAKIJAN KOTISIVU\n\nwww.aurinkolahti.example.fi\n\nHANKETIEDOT", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("131052-308T").And.Contain("XXXXFIHH"), "the test's text holds what must not be kept");
        var response = await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(text));
        var json = await response.Content.ReadAsStringAsync();
        var preview = JsonNode.Parse(json)!.AsObject();
        var notStored = preview["notStored"]!.AsArray().Select(n => (Section: n!["section"]!.GetValue<string>(), Kind: n["kind"]!.GetValue<string>(), Text: n["text"]?.GetValue<string>())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            foreach (var secret in Secrets)
            {
                Assert.That(json, Does.Not.Contain(secret), "the preview never shows it");
            }

            Assert.That(notStored, Does.Contain(("HAKIJAN TIEDOT", "bankDetails", (string?)null)));
            Assert.That(notStored, Does.Contain(("HAKIJAN TIEDOT", "personalIdentityNumber", (string?)"1")));
            Assert.That(notStored, Does.Contain(("HANKESUUNNITELMA", "bankDetails", (string?)null)));
            Assert.That(notStored, Does.Contain(("HAKIJAN KOTISIVU", "unread", (string?)"www.aurinkolahti.example.fi")));
            Assert.That(notStored.Where(n => n.Kind == "unread").Select(n => n.Section), Is.EqualTo(new[] { "HAKIJAN KOTISIVU" }), "everything else of the application is stored");
            Assert.That(preview["organisations"]![0]!["contactName"]!.GetValue<string>(), Is.EqualTo("Salla Salainen ***"));
        });

        var network = await Setup.NetworkAsync(_coordinator);
        await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text)));
        var tables = await DumpAsync();
        Assert.That(tables.Values.Sum(v => v.Count), Is.GreaterThan(100), "the dump reads the tables");
        foreach (var (table, values) in tables)
        {
            Assert.That(values.Where(v => Secrets.Any(s => v.Contains(s, StringComparison.OrdinalIgnoreCase))), Is.Empty, $"{table} keeps a bank detail or identity number");
        }
    }

    private static readonly string[] Secrets = ["131052-308T", "FI21 1234", "FI00 0000", "XXXXFIHH", "0000 0000 0000"];

    [Test]
    public async Task A_second_import_of_the_same_application_is_refused_with_an_offer_to_update_the_project_it_made()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var text = Setup.Application("network-16.txt", "twice");
        var projectId = await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text)));

        var before = await CountsAsync();
        var preview = await (await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(text))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(preview!["existingProject"]!["id"]!.GetValue<Guid>(), Is.EqualTo(projectId), "the preview says so");
        var again = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text));
        var problem = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Multiple(async () =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem!["existingProjectId"]!.GetValue<Guid>(), Is.EqualTo(projectId));
            Assert.That(await CountsAsync(), Is.EqualTo(before), "nothing was created");
        });

        // The same application into another network is the same project too.
        var other = await Setup.NetworkAsync(_coordinator);
        Assert.That((await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={other}", Text(text))).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        // Updating the project from a revised application: the plan and budget are replaced,
        // nothing is duplicated.
        var revised = text.Replace("Kokeiluja tehdään teemaryhmissä", "Kokeiluja tehdään nyt teemaryhmissä", StringComparison.Ordinal)
            .Replace("Palvelut\ttyöpajojen fasilitointi, käännökset\t90000 €", "Palvelut\ttyöpajojen fasilitointi, käännökset\t95000 €", StringComparison.Ordinal);
        var update = await _coordinator.PostAsync($"/api/v1/membership/applications/import?updateProjectId={projectId}", Text(revised));
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.OK), await update.Content.ReadAsStringAsync());
        var plan = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}/plan");
        Assert.Multiple(async () =>
        {
            Assert.That((await update.Content.ReadFromJsonAsync<JsonObject>())!["projectId"]!.GetValue<Guid>(), Is.EqualTo(projectId));
            Assert.That(plan!["summary"]!.GetValue<string>(), Does.Contain("Kokeiluja tehdään nyt teemaryhmissä"));
            Assert.That(plan["budget"]!.AsArray().Select(b => b!["amount"]!.GetValue<decimal>()), Does.Contain(95_000m).And.Not.Contain(90_000m));
            Assert.That(plan["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(await CountsAsync(), Is.EqualTo(before), "no second project, organisation, person or goal");
        });

        Assert.That((await _coordinator.PostAsync($"/api/v1/membership/applications/import?updateProjectId={Guid.NewGuid()}", Text(text))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Another_application_of_the_same_applicant_to_the_same_call_is_no_duplicate()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("network-16.txt", "first"))));
        var second = await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("network-16.txt", "second")));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Languages_come_from_the_application_or_are_left_unset_and_a_language_someone_set_is_kept()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        // Two partners of their own, so no other test made them first.
        var text = Setup.Application("network-16.txt", "languages")
            .Replace("Järvilaakson ammattiopisto", "Kieletön ammattiopisto", StringComparison.Ordinal)
            .Replace("Harjuseudun koulutus Oy", "Kielivalintainen Oy", StringComparison.Ordinal);
        await Setup.IdOfAsync(await _coordinator.PostAsJsonAsync("/api/v1/membership/organisations", new { name = "Kielivalintainen Oy", type = "company", language = "sv" }));
        var projectId = await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(text)));
        var plan = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}/plan");
        async Task<string?> LanguageOf(string name)
        {
            var id = plan!["partners"]!.AsArray().Single(p => p!["organisationName"]!.GetValue<string>() == name)!["organisationId"]!.GetValue<Guid>();
            return (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/organisations/{id}"))!["language"]?.GetValue<string>();
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await LanguageOf("Aurinkolahden koulutuskuntayhtymä"), Is.EqualTo("fi"), "the applicant: the application's language of business");
            Assert.That(await LanguageOf("Saariston yrkesinstitut"), Is.EqualTo("sv"), "stated in its work plan");
            Assert.That(await LanguageOf("Pohjanrannan koulutuskuntayhtymä"), Is.EqualTo("fi"), "stated in its work plan");
            Assert.That(await LanguageOf("Kieletön ammattiopisto"), Is.Null, "not stated: left for the coordinator, not Finnish");
            Assert.That(await LanguageOf("Kielivalintainen Oy"), Is.EqualTo("sv"), "a language someone set is kept");
        });
    }

    [Test]
    public async Task Contact_names_guessed_from_addresses_are_flagged_until_someone_saves_the_person()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var preview = await (await _coordinator.PostAsync("/api/v1/membership/applications/preview", Text(Setup.Application("network-16.txt")))).Content.ReadFromJsonAsync<JsonObject>();
        var organisations = preview!["organisations"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(organisations[0]!["contactNameGuessed"]!.GetValue<bool>(), Is.False, "the applicant's contact is named in the application");
            Assert.That(organisations[1]!["contactName"]!.GetValue<string>(), Is.EqualTo("Aino Ahola"));
            Assert.That(organisations[1]!["contactNameGuessed"]!.GetValue<bool>(), Is.True);
        });

        var projectId = await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("network-16.txt", "guesses"))));
        var people = (await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people?projectId={projectId}&pageSize=100"))!["items"]!.AsArray();
        var aino = people.Single(p => p!["email"]!.GetValue<string>() == "aino.ahola@pohjanrannan.example.fi")!;
        var maija = people.Single(p => p!["email"]!.GetValue<string>() == "maija.mallikas@aurinkolahti.example.fi")!;
        Assert.Multiple(() =>
        {
            Assert.That(aino["nameGuessed"]!.GetValue<bool>(), Is.True);
            Assert.That(maija["nameGuessed"]!.GetValue<bool>(), Is.False);
        });

        var id = aino["id"]!.GetValue<Guid>();
        var saved = await _coordinator.PutAsJsonAsync($"/api/v1/membership/people/{id}", new
        {
            name = "Aino Ahola-Aalto", email = "aino.ahola@pohjanrannan.example.fi", organisationId = aino["organisationId"]!.GetValue<Guid>(), language = "fi",
            roles = aino["roles"]!.AsArray().Select(r => new { role = r!["role"]!.GetValue<string>(), projectId = r["projectId"]?.GetValue<Guid>(), networkId = r["networkId"]?.GetValue<Guid>() }),
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        var after = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/people/{id}");
        Assert.That(after!["nameGuessed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_swedish_application_makes_a_swedish_lead_organisation_and_leaves_an_unstated_partner_language_unset()
    {
        var network = await Setup.NetworkAsync(_coordinator);
        var projectId = await Setup.IdOfAsync(await _coordinator.PostAsync($"/api/v1/membership/applications/import?networkId={network}", Text(Setup.Application("small-swedish.txt"))));
        var project = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/projects/{projectId}");
        var lead = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/organisations/{project!["leadOrganisationId"]!.GetValue<Guid>()}");
        var partner = await _coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/membership/organisations/{project["partnerOrganisationIds"]![0]!.GetValue<Guid>()}");
        Assert.Multiple(() =>
        {
            Assert.That(lead!["language"]!.GetValue<string>(), Is.EqualTo("sv"));
            Assert.That(lead["businessId"]!.GetValue<string>(), Is.EqualTo("2055433-4"));
            Assert.That(partner!["language"], Is.Null, "the application does not say: not silently Finnish");
        });
    }

    [Test]
    public async Task Only_coordinators_import()
    {
        var manager = await App.ApiClientAsync(Roles.ProjectManager);
        Assert.That((await manager.PostAsync("/api/v1/membership/applications/preview", Text("x"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    /// <summary>Every value of every table of the module (outbox and audit included), as text.</summary>
    private async Task<Dictionary<string, List<string>>> DumpAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var result = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).DistinctBy(e => e.GetTableName()))
        {
            var schema = entity.GetSchema();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {(schema is null ? "" : $"\"{schema}\".")}\"{entity.GetTableName()}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
                }
            }

            result[entity.GetTableName()!] = values;
        }

        return result;
    }

    private async Task<(int Organisations, int Projects, int People, int Goals)> CountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        return (await db.Organisations.CountAsync(), await db.Projects.CountAsync(), await db.People.CountAsync(), await db.Goals.CountAsync());
    }
}

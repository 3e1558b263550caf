using System.Net;
using System.Text;
using Coordination.Shared.Security;
using MiniExcelLibs;

namespace Coordination.Membership.Tests;

[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ExportTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task Contacts_export_as_csv_for_finnish_excel_and_as_xlsx()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var organisation = await Setup.OrganisationAsync(coordinator, "Vientiopisto; \"lainaus\"");
        await Setup.PersonAsync(coordinator, "vienti@example.fi", [], organisation, name: "Äijä Öljynen");
        await Setup.PersonAsync(coordinator, "kaava@example.fi", [], organisation, name: "=HYPERLINK(\"x\")");

        var csv = await coordinator.GetAsync("/api/v1/membership/exports/contacts.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM so Excel reads ä and ö");
            Assert.That(text, Does.Contain("Nimi;Sähköposti;Puhelin;Organisaatio"));
            Assert.That(text, Does.Contain("Äijä Öljynen;vienti@example.fi;;\"Vientiopisto; \"\"lainaus\"\"\";suomi;"), "the preferred language by name, not as a code");
            Assert.That(text, Does.Not.Contain(";=HYPERLINK"), "formulas are escaped");
        });

        var xlsx = await coordinator.GetAsync("/api/v1/membership/exports/organisations.xlsx");
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows.Select(r => r["Organisaation nimi"]), Does.Contain("Vientiopisto; \"lainaus\""));
        Assert.That(rows.Single(r => (string)r["Organisaation nimi"] == "Vientiopisto; \"lainaus\"")["Organisaation kieli"], Is.EqualTo("suomi"));

        var member = await App.ApiClientAsync(Roles.Member);
        Assert.That((await member.GetAsync("/api/v1/membership/exports/contacts.csv")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

using System.Text.RegularExpressions;
using Coordination.Shared.Security;

namespace Coordination.Dissemination.Tests;

/// <summary>Counts on the method bank's pages read right in each language ("1 modell", not
/// "1 modeller"), and a model's contact shows the name and the address apart.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed partial class CountTextPageTests(Provider provider) : AppFixture(provider)
{
    [Test]
    public async Task A_theme_with_one_model_says_one_model_and_with_two_two_models()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await DisseminationSetup.NetworkAsync(App, coordinator);
        var theme = $"Kielenhuolto {Guid.NewGuid():N}";
        await DisseminationSetup.PublishedAsync(coordinator, DisseminationSetup.Card(network, null, "Ensimmäinen malli", themes: [theme]));
        var guest = App.CreateClient();
        var path = $"/method-bank?theme={Uri.EscapeDataString(theme)}&culture=";

        var (fi, sv, en) = (Status(await guest.GetStringAsync(path + "fi")), Status(await guest.GetStringAsync(path + "sv")), Status(await guest.GetStringAsync(path + "en")));
        var themePage = await guest.GetStringAsync($"/method-bank/themes/{Uri.EscapeDataString(theme)}?culture=sv");
        Assert.Multiple(() =>
        {
            Assert.That(fi, Is.EqualTo("1 malli"));
            Assert.That(sv, Is.EqualTo("1 modell"), "was 1 modeller");
            Assert.That(en, Is.EqualTo("1 model"));
            Assert.That(themePage, Does.Contain(">1 modell<"));
        });

        await DisseminationSetup.PublishedAsync(coordinator, DisseminationSetup.Card(network, null, "Toinen malli", themes: [theme]));
        (fi, sv, en) = (Status(await guest.GetStringAsync(path + "fi")), Status(await guest.GetStringAsync(path + "sv")), Status(await guest.GetStringAsync(path + "en")));
        Assert.That((fi, sv, en), Is.EqualTo(("2 mallia", "2 modeller", "2 models")));
    }

    [Test]
    public async Task The_contact_shows_the_name_and_the_address_apart()
    {
        var coordinator = await App.ApiClientAsync(Roles.Coordinator);
        var network = await DisseminationSetup.NetworkAsync(App, coordinator);
        var id = await DisseminationSetup.PublishedAsync(coordinator, DisseminationSetup.Card(network, null, "Yhteyshenkilön malli"));
        var page = await App.CreateClient().GetStringAsync($"/method-bank/{id}");
        Assert.That(page, Does.Match(@"Maija Malli\s*<br\s*/?>\s*<a href=""mailto:maija.malli@example.fi"">"), "was glued: Maija Mallimaija.malli@example.fi");
    }

    private static string Status(string html) => StatusParagraph().Match(html).Groups[1].Value.Trim();

    [GeneratedRegex(@"<p role=""status"">([^<]*)</p>")]
    private static partial Regex StatusParagraph();
}

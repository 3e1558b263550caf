using System.Text.RegularExpressions;
using Coordination.Shared.Security;

namespace Coordination.Host.Tests;

/// <summary>The site's name comes from configuration in each language (Coordination:SiteName:fi|sv|en)
/// and stands in page titles and e-mail subjects; a language not configured keeps its default.</summary>
public sealed partial class SiteNameTests() : AppFixture(Provider.Sqlite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Coordination:SiteName:fi"] = "Verkostamo",
        ["Coordination:SiteName:sv"] = "Nätverkstan",
    };

    [Test]
    public async Task Page_titles_and_the_brand_carry_the_configured_name_of_each_language()
    {
        var client = App.CreateClient();
        var fi = await client.GetStringAsync("/accessibility?culture=fi");
        var sv = await client.GetStringAsync("/accessibility?culture=sv");
        var en = await client.GetStringAsync("/accessibility?culture=en");
        Assert.Multiple(() =>
        {
            Assert.That(Title().Match(fi).Groups[1].Value, Is.EqualTo("Saavutettavuusseloste – Verkostamo"));
            Assert.That(Title().Match(sv).Groups[1].Value, Is.EqualTo("Tillgänglighetsutlåtande – Nätverkstan"));
            Assert.That(Title().Match(en).Groups[1].Value, Is.EqualTo("Accessibility statement – Coordination"), "the English default");
            Assert.That(fi, Does.Contain("Tämä seloste koskee palvelua Verkostamo."));
            Assert.That(sv, Does.Contain(">Nätverkstan</a>"), "the brand link");
        });
    }

    [Test]
    public async Task The_reset_mail_subject_carries_the_name_in_the_readers_language()
    {
        var email = await App.CreateUserAsync(Roles.Member);
        var before = App.PickedUpMail().Count;
        var finnish = App.CreateBrowserClient();
        await finnish.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["email"] = email });
        var swedish = App.CreateBrowserClient();
        await swedish.GetAsync("/culture/sv?returnUrl=%2F");
        await swedish.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["email"] = email });

        var subjects = await Eventually.WaitForAsync(
            () => Task.FromResult(App.PickedUpMail().Skip(before).Where(m => m.To.Mailboxes.Single().Address == email).Select(m => m.Subject).ToList()),
            s => s.Count >= 2);
        Assert.That(subjects, Is.EquivalentTo(new[] { "Uusi salasana – Verkostamo", "Nytt lösenord – Nätverkstan" }));
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();
}

using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Coordination.Shared.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Coordination.Architecture.Tests;

/// <summary>Every count text of every resource trio rendered through <see cref="Plurals.Plural"/> and
/// the app's own localizer for 0, 1 and 2 in Finnish, Swedish and English.</summary>
public sealed partial class CountTextRenderingTests
{
    private static readonly IStringLocalizerFactory Factory =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IEnumerable<TestCaseData> CountTexts() =>
        from file in Resx.Neutral().Select(SourceTree.Relative)
        let texts = Resx.Trio(file)["fi"]
        from key in texts.Keys.Where(k => k.EndsWith(Plurals.OtherSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
        let name = key[..^Plurals.OtherSuffix.Length]
        select new TestCaseData(file, name).SetArgDisplayNames(Path.GetFileNameWithoutExtension(file), name);

    [TestCaseSource(nameof(CountTexts))]
    public void Renders_for_0_1_and_2_in_fi_sv_and_en(string file, string name)
    {
        var localizer = Factory.Create(MarkerType(file));
        Assert.Multiple(() =>
        {
            foreach (var language in new[] { "fi", "sv", "en" })
            {
                using var culture = new CultureScope(language);
                var one = localizer[name + Plurals.OneSuffix];
                var other = localizer[name + Plurals.OtherSuffix];
                Assert.That(one.ResourceNotFound || other.ResourceNotFound, Is.False, $"{name} in {language}");
                var extra = Enumerable.Range(1, Math.Max(MaxPlaceholder(one.Value), MaxPlaceholder(other.Value))).Select(i => (object?)$"‹{i}›").ToArray();
                foreach (var n in new[] { 0, 1, 2 })
                {
                    var text = localizer.Plural(name, n, extra);
                    var form = n == 1 ? one.Value : other.Value;
                    Assert.That(text, Is.EqualTo(string.Format(CultureInfo.CurrentCulture, form, [n, .. extra])), $"{name}, {language}, {n}: the {(n == 1 ? "one" : "other")} form");
                    Assert.That(text, Does.Not.Contain("{").And.Not.Contain("}"), $"{name}, {language}, {n}: every placeholder filled");
                    if (n != 1)
                    {
                        Assert.That(text, Does.Contain(n.ToString(CultureInfo.InvariantCulture)), $"{name}, {language}, {n}: the number is shown");
                    }
                }
            }
        });
    }

    // The texts issue 26 and issue 24 named, as they must read now.
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "fi", 1, "1 malli")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "fi", 0, "0 mallia")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "sv", 1, "1 modell")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "sv", 2, "2 modeller")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "en", 1, "1 model")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "en", 0, "0 models")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "fi", 1000, "1000 mallia")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "fi", 100000, "100\u00a0000 mallia")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "sv", 12345, "12\u00a0345 modeller")]
    [TestCase("Modules/Dissemination/Coordination.Dissemination/Resources/DisseminationStrings.resx", "ModelCount", "en", 12345, "12,345 models")]
    [TestCase("Modules/Events/Coordination.Events/Resources/EventsStrings.resx", "SeatsLeft", "fi", 1, "1 paikka jäljellä")]
    [TestCase("Modules/Events/Coordination.Events/Resources/EventsStrings.resx", "SeatsLeft", "fi", 2, "2 paikkaa jäljellä")]
    [TestCase("Modules/Events/Coordination.Events/Resources/EventsStrings.resx", "VoteCount", "sv", 1, "1 röst")]
    [TestCase("Modules/Events/Coordination.Events/Resources/EventsStrings.resx", "VoteCount", "sv", 0, "0 röster")]
    [TestCase("Modules/Membership/Coordination.Membership/Resources/MembershipStrings.resx", "TaskCount", "sv", 1, "(1 uppgift)")]
    [TestCase("Modules/Membership/Coordination.Membership/Resources/MembershipStrings.resx", "TaskCount", "fi", 1, "(1 tehtävä)")]
    [TestCase("Modules/Membership/Coordination.Membership/Resources/MembershipStrings.resx", "PersonCount", "en", 1, "1 person")]
    [TestCase("Modules/Membership/Coordination.Membership/Resources/MembershipStrings.resx", "PersonCount", "en", 2, "2 people")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "OpenAnswerCount", "fi", 1, "1 avoin vastaus")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "OpenAnswerCount", "fi", 2, "2 avointa vastausta")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "OpenAnswerCount", "sv", 1, "1 öppet svar")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "AutoReminders", "sv", 1, "Påminnelser skickas automatiskt varje dag till dem som inte har svarat.")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "AutoReminders", "sv", 2, "Påminnelser skickas automatiskt med 2 dagars mellanrum till dem som inte har svarat.")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "AutoReminders", "en", 1, "Reminders go automatically every day to those who have not answered.")]
    [TestCase("Modules/Surveys/Coordination.Surveys/Resources/SurveysStrings.resx", "AutoReminders", "en", 2, "Reminders go automatically every 2 days to those who have not answered.")]
    [TestCase("Modules/PeerReview/Coordination.PeerReview/Resources/PeerReviewStrings.resx", "Saved_assigned", "fi", 1, "Arvioijat jaettu: 1 uusi arviointi.")]
    [TestCase("Modules/PeerReview/Coordination.PeerReview/Resources/PeerReviewStrings.resx", "Saved_assigned", "en", 1, "Reviewers assigned: 1 new review.")]
    public void Reads_right(string file, string name, string language, int count, string expected)
    {
        var localizer = Factory.Create(MarkerType(file));
        using var culture = new CultureScope(language);
        Assert.That(localizer.Plural(name, count), Is.EqualTo(expected));
    }

    [Test]
    public void The_shared_length_message_names_the_field()
    {
        var localizer = Factory.Create(typeof(SharedStrings));
        using var culture = new CultureScope("sv");
        Assert.That(localizer.Plural("TooLong", 200, "Namn"), Is.EqualTo("Fältet Namn får innehålla högst 200 tecken."));
    }

    /// <summary>The marker class of a resource trio: the project's assembly and the file's namespace
    /// ("Modules/Events/Coordination.Events/Resources/EventsStrings.resx" → Coordination.Events.Resources.EventsStrings).</summary>
    private static Type MarkerType(string file)
    {
        var parts = file.Replace('\\', '/').Split('/');
        var project = Array.FindLastIndex(parts, p => p.StartsWith("Coordination.", StringComparison.Ordinal));
        var assembly = Assembly.Load(parts[project]);
        var typeName = string.Join('.', parts[project..^1].Append(Path.GetFileNameWithoutExtension(parts[^1])));
        return assembly.GetType(typeName, throwOnError: true)!;
    }

    private static int MaxPlaceholder(string text) => Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();
}

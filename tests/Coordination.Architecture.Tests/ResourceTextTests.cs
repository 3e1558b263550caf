using System.Text.RegularExpressions;
using System.Xml.Linq;
using Coordination.Shared.Localization;

namespace Coordination.Architecture.Tests;

/// <summary>The texts of every <c>*Strings*.resx</c> trio (fi neutral, sv, en): complete, placeholders
/// alike, and every text that counts something written as a count text (docs/GLOSSARY.md).</summary>
public sealed partial class ResourceTextTests
{
    private static readonly string[] Languages = ["fi", "sv", "en"];

    // English words after a placeholder that end in -s but are no plural nouns ("{0} is required").
    // A new text with such a verb after a name belongs here.
    private static readonly HashSet<string> VerbsInS =
    [
        "is", "was", "has", "does", "its", "this", "his", "brings", "goes", "lacks", "needs", "closes", "opens", "starts",
        "ends", "means", "says", "gets", "takes", "makes", "belongs", "contains", "includes", "seems", "shows", "comes",
        "runs", "sends", "remains", "applies",
    ];

    private static readonly HashSet<string> IrregularPlurals = ["people", "children", "criteria", "men", "women"];

    public static IEnumerable<string> ResourceFiles => Resx.Neutral().Select(SourceTree.Relative);

    [Test]
    public void The_eight_resource_trios_are_found()
    {
        Assert.That(Resx.Neutral().Count, Is.GreaterThanOrEqualTo(8));
    }

    [TestCaseSource(nameof(ResourceFiles))]
    public void Every_key_is_in_all_three_languages_and_none_is_empty(string file)
    {
        var texts = Resx.Trio(file);
        Assert.Multiple(() =>
        {
            foreach (var language in Languages)
            {
                Assert.That(texts[language].Keys, Is.EquivalentTo(texts["fi"].Keys), $"{language} keys of {file}");
                Assert.That(texts[language].Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty, $"empty {language} texts in {file}");
            }
        });
    }

    [TestCaseSource(nameof(ResourceFiles))]
    public void Placeholders_are_alike_in_every_language(string file)
    {
        var texts = Resx.Trio(file);
        Assert.Multiple(() =>
        {
            foreach (var (key, fi) in texts["fi"])
            {
                foreach (var language in Languages.Skip(1))
                {
                    if (texts[language].TryGetValue(key, out var other))
                    {
                        Assert.That(Placeholders(other), Is.EquivalentTo(Placeholders(fi)), $"{key} in {language}: {other}");
                    }
                }
            }
        });
    }

    [TestCaseSource(nameof(ResourceFiles))]
    public void Count_texts_have_a_one_and_an_other_form_with_the_number_as_zero(string file)
    {
        var texts = Resx.Trio(file);
        Assert.Multiple(() =>
        {
            foreach (var language in Languages)
            {
                var keys = texts[language];
                foreach (var (key, text) in keys)
                {
                    if (key.EndsWith(Plurals.OneSuffix, StringComparison.Ordinal))
                    {
                        var name = key[..^Plurals.OneSuffix.Length];
                        Assert.That(keys.TryGetValue(name + Plurals.OtherSuffix, out var other), Is.True, $"{name} has {Plurals.OneSuffix} but no {Plurals.OtherSuffix} ({language})");
                        Assert.That(keys.ContainsKey(name), Is.False, $"{name} is a count text and a plain text at once ({language})");
                        if (other is not null)
                        {
                            // The one-form may leave the number out ("joka päivä"); every other value is in both.
                            Assert.That(Placeholders(text).Where(p => p != 0), Is.EquivalentTo(Placeholders(other).Where(p => p != 0)), $"{name} forms differ in placeholders ({language})");
                        }
                    }
                    else if (key.EndsWith(Plurals.OtherSuffix, StringComparison.Ordinal))
                    {
                        var name = key[..^Plurals.OtherSuffix.Length];
                        Assert.That(keys.ContainsKey(name + Plurals.OneSuffix), Is.True, $"{name} has {Plurals.OtherSuffix} but no {Plurals.OneSuffix} ({language})");
                        Assert.That(Placeholders(text), Does.Contain(0), $"{key} does not show the number {{0}} ({language}): {text}");
                    }
                }
            }
        });
    }

    [TestCaseSource(nameof(ResourceFiles))]
    public void A_number_next_to_what_it_counts_is_a_count_text(string file)
    {
        var texts = Resx.Trio(file);
        var plain = texts["en"].Where(t => !t.Key.EndsWith(Plurals.OneSuffix, StringComparison.Ordinal) && !t.Key.EndsWith(Plurals.OtherSuffix, StringComparison.Ordinal));
        var found = new List<string>();
        foreach (var (key, en) in plain)
        {
            var nouns = PlaceholderAndWord().Matches(en).Select(m => m.Groups["word"].Value).Where(IsPluralNoun).ToList();
            // Swedish ordinals follow the number ("var 2:a dag", "var 3:e dag").
            var ordinal = SwedishOrdinal().IsMatch(texts["sv"].GetValueOrDefault(key, ""));
            if (nouns.Count > 0 || ordinal)
            {
                found.Add($"{key}: {en}");
            }
        }

        Assert.That(found, Is.Empty, "write these as count texts (Key_One and Key_Other, the number as {0}) or as a label and its number (\"Participants: {0}\")");
    }

    [Test]
    public void The_finder_of_count_texts_finds_the_count_texts_the_issue_named()
    {
        // The texts of issue 26 as they were: each must be caught, and plain texts with a name must not.
        string[] counts = ["{0} models", "{0} new reviews", "{1} may be at most {0} characters.", "({0} tasks)", "{0} people", "Reminders go to those who have not answered every {0} days.", "{0} more answers – all are in the export."];
        string[] plain = ["{0} is required.", "Hello {0},", "Page {0} of {1}", "{0} registered, {1} waiting, {2} marked attended.", "Reviewers needed: {0}, assigned: {1}.", "{0} brings a network together.", "Goal {0} lacks activities."];
        Assert.Multiple(() =>
        {
            foreach (var text in counts)
            {
                Assert.That(PlaceholderAndWord().Matches(text).Any(m => IsPluralNoun(m.Groups["word"].Value)), Is.True, text);
            }

            foreach (var text in plain)
            {
                Assert.That(PlaceholderAndWord().Matches(text).Any(m => IsPluralNoun(m.Groups["word"].Value)), Is.False, text);
            }

            Assert.That(SwedishOrdinal().IsMatch("var {0}:e dag"), Is.True);
        });
    }

    private static bool IsPluralNoun(string word)
    {
        var w = word.ToLowerInvariant();
        return IrregularPlurals.Contains(w)
            || (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !VerbsInS.Contains(w));
    }

    private static int[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    // A placeholder, maybe a quantity word, then a word: "{0} models", "{0} new reviews".
    [GeneratedRegex(@"\{\d+\}\s+(?:(?:new|more|open|other|eligible|unique|extra|further|free)\s+)?(?<word>[A-Za-z][A-Za-z-]*)")]
    private static partial Regex PlaceholderAndWord();

    [GeneratedRegex(@"\{\d+\}:[ae]\b")]
    private static partial Regex SwedishOrdinal();
}

/// <summary>The resource files of the source tree (not the build output), read as XML.</summary>
internal static class Resx
{
    /// <summary>Every neutral (Finnish) <c>*Strings*.resx</c> under Host/, Shared/ and Modules/.</summary>
    public static IReadOnlyList<string> Neutral() =>
    [
        .. new[] { "Host", "Shared", "Modules" }
            .SelectMany(top => SourceTree.Files(top, "*Strings*.resx"))
            .Where(path => !path.EndsWith(".sv.resx", StringComparison.Ordinal) && !path.EndsWith(".en.resx", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>fi, sv and en texts of one trio, by key.</summary>
    public static Dictionary<string, Dictionary<string, string>> Trio(string relativeNeutral)
    {
        var neutral = Path.Combine(SourceTree.Root, relativeNeutral);
        var stem = neutral[..^".resx".Length];
        return new()
        {
            ["fi"] = Read(neutral),
            ["sv"] = Read(stem + ".sv.resx"),
            ["en"] = Read(stem + ".en.resx"),
        };
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}

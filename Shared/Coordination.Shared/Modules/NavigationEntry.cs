namespace Coordination.Shared.Modules;

/// <summary>An entry of the site navigation. <paramref name="TextKey"/> is looked up in the
/// resources of <paramref name="Resources"/>; <paramref name="Policy"/> hides it from those it
/// does not admit (null: everyone). <paramref name="Group"/> is one of
/// <see cref="NavigationGroups"/> (null: a link of its own).</summary>
public sealed record NavigationEntry(string Href, string TextKey, Type Resources, string? Policy, int Order = 100, string? Group = null);

/// <summary>The groups of the main menu, in the order they are shown.</summary>
public static class NavigationGroups
{
    public const string Network = "network";
    public const string Events = "events";
    public const string Results = "results";
    public const string Surveys = "surveys";
    public const string Administration = "administration";

    public static IReadOnlyList<string> All { get; } = [Network, Events, Results, Surveys, Administration];
}

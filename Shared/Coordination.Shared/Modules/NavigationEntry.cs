namespace Coordination.Shared.Modules;

/// <summary>An entry of the site navigation. <paramref name="TextKey"/> is looked up in the
/// resources of <paramref name="Resources"/>; <paramref name="Policy"/> hides it from those it
/// does not admit (null: everyone).</summary>
public sealed record NavigationEntry(string Href, string TextKey, Type Resources, string? Policy, int Order = 100);

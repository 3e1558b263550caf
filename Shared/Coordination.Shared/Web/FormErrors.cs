using System.Text.Json;
using FluentValidation.Results;

namespace Coordination.Shared.Web;

/// <summary>Field errors keyed like the API's JSON paths ("name.fi"). Forms use the same keys
/// as input names, so one validator serves the page and the API.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string[]> _errors;

    public FormErrors(IDictionary<string, string[]>? errors = null) => _errors = new(errors ?? new Dictionary<string, string[]>(), StringComparer.OrdinalIgnoreCase);

    /// <summary>No errors (a new instance each time, so adding to it harms no one).</summary>
    public static FormErrors None => new();

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> All => _errors;

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    public void Add(string field, string message)
        => _errors[field] = [.. For(field), message];

    /// <summary>Adds every error of <paramref name="other"/> (e.g. values a form could not parse).</summary>
    public void Merge(FormErrors other)
    {
        foreach (var (field, messages) in other.All)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    public static FormErrors From(ValidationResult result)
        => new(result.Errors
            .GroupBy(e => Key(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    /// <summary>"Name.Fi" → "name.fi"; "Items[0].Title" → "items[0].title".</summary>
    public static string Key(string propertyName)
        => string.Join('.', propertyName.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}

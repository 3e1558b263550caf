using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Coordination.Shared.Web;

/// <summary>How the API reads request bodies beyond what the JSON serializer checks.</summary>
public static class JsonBodyRules
{
    /// <summary>A type-info modifier: an object of the site's own types refuses a null inside any
    /// of its lists while the body is read (<c>"themes": [null]</c>), so no validator or handler
    /// ever meets one. The error's path names the list and the place (<c>themes[0]</c>); the API
    /// answers 400 with it as a field error.</summary>
    public static void RefuseNullElements(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly.GetName().Name?.StartsWith("Coordination.", StringComparison.Ordinal) != true)
        {
            return;
        }

        var lists = info.Properties.Where(p => p.Get is not null && HoldsReferences(p.PropertyType)).ToList();
        if (lists.Count == 0)
        {
            return;
        }

        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is not IEnumerable items)
                {
                    continue;
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        // A path of our own: the serializer keeps it (it fills in only missing ones).
                        throw new JsonException("A list may not hold null.", $"{list.Name}[{index}]", null, null);
                    }

                    index++;
                }
            }
        };
    }

    /// <summary>The field a body that could not be read points at: the JSON path without its
    /// root (<c>$.name.fi</c> → <c>name.fi</c>), or "body" for the body as a whole.</summary>
    public static string FieldOf(string? path)
    {
        var field = (path ?? "").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    private static bool HoldsReferences(Type type)
        => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ElementType(type) is { IsValueType: false };

    private static Type? ElementType(Type type)
        => type.IsArray ? type.GetElementType()
            : (type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
                ?.GetGenericArguments()[0];
}

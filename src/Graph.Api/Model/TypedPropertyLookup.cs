using System.Globalization;

namespace Graph.Api.Model;

/// <summary>Reading one property out of an entity's or relationship's list.</summary>
public static class TypedPropertyLookup
{
    public static TypedProperty? Find(this IReadOnlyList<TypedProperty> properties, string key) =>
        properties.FirstOrDefault(p => p.Key == key);

    /// <summary>The property's value when it is a NUMBER, else null.</summary>
    public static double? Number(this IReadOnlyList<TypedProperty> properties, string key) =>
        properties.Find(key) is { Type: PropertyValueType.Number } p ? double.Parse(p.Value, CultureInfo.InvariantCulture) : null;
}

namespace Graph.Api.Model;

/// <summary>A typed key/value fact attached to an entity or a relationship (an amount, a currency, an ISO code).</summary>
public sealed record TypedProperty(string Key, PropertyValueType Type, string Value);

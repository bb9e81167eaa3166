namespace Graph.Api.Model;

/// <summary>What an entity is. Each kind is its own GraphQL object type.</summary>
public enum EntityKind
{
    Country,
    Person,
    Organization,
    Agreement,
    Project,
    Event,
    Topic,
    Place,
    Document,
}

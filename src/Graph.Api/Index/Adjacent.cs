namespace Graph.Api.Index;

/// <summary>One step from an entity: the relationship taken, the entity reached and the way it was followed.</summary>
public readonly record struct Adjacent(RelationshipNode Relationship, EntityNode Other, Direction Direction);

namespace Graph.Api.Traversal;

/// <summary>
/// What one side of a breadth-first path search has reached, in the order reached: each entity with the relationship that
/// reached it and the entry it was reached from. A level is a run of entries, so the tree is its own frontier, and a path
/// is read back along the parents. The entries lie in a pooled list, in the order the search writes and reads them.
/// </summary>
internal sealed class SearchTree : IDisposable
{
    private readonly PooledList<Entry> entries = new(64);

    /// <param name="root">The entity the side starts at: entry 0, with no relationship and no parent.</param>
    public SearchTree(int root) => entries.Add(new Entry(root, -1, -1));

    public int Count => entries.Count;

    /// <summary>Adds an entity reached from the entry at <paramref name="parent"/> through <paramref name="relationship"/>.</summary>
    public void Add(int entity, int relationship, int parent) => entries.Add(new Entry(entity, relationship, parent));

    public int EntityAt(int index) => entries[index].Entity;

    /// <summary>The relationship's ordinal that reached the entry; -1 for the root.</summary>
    public int RelationshipAt(int index) => entries[index].Relationship;

    /// <summary>The entry the entry was reached from; -1 for the root.</summary>
    public int ParentOf(int index) => entries[index].Parent;

    /// <summary>Where the entity was reached; a search looks for one only where the two sides meet, once.</summary>
    public int IndexOf(int entity)
    {
        var all = entries.AsSpan();
        for (var index = 0; index < all.Length; index++)
        {
            if (all[index].Entity == entity) return index;
        }

        throw new InvalidOperationException($"entity {entity} was not reached by this side");
    }

    public void Dispose() => entries.Dispose();

    private readonly record struct Entry(int Entity, int Relationship, int Parent);
}

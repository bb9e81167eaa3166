namespace Graph.Api.Search;

/// <summary>
/// Each entity's folded names (its name and aliases), by ordinal, as runs of one array. An array of names for each entity
/// was a hundred thousand small arrays (4 MB for 100k entities, against 1.4 MB so).
/// </summary>
internal sealed class EntityNames
{
    private readonly int[] start;
    private readonly string[] names;

    /// <param name="entityCount">How many entities there are (ordinals 0 to count − 1).</param>
    /// <param name="ordinalOf">The ordinal of the entity each name in <paramref name="folded"/> belongs to.</param>
    /// <param name="folded">The folded names, in any order; an entity's come out in this order.</param>
    public EntityNames(int entityCount, int[] ordinalOf, string[] folded)
    {
        start = new int[entityCount + 1];
        foreach (var ordinal in ordinalOf) start[ordinal + 1]++;
        for (var e = 1; e <= entityCount; e++) start[e] += start[e - 1];
        names = new string[folded.Length];
        var next = start[..^1];
        for (var i = 0; i < folded.Length; i++) names[next[ordinalOf[i]]++] = folded[i];
    }

    public int EntityCount => start.Length - 1;

    /// <summary>The entity's folded names; none for an ordinal past the last.</summary>
    public ReadOnlySpan<string> Of(int ordinal) => (uint)ordinal < (uint)EntityCount ? names.AsSpan(start[ordinal]..start[ordinal + 1]) : [];
}

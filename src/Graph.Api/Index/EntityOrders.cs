using Graph.Api.Search;

namespace Graph.Api.Index;

/// <summary>
/// The entities sorted by name and by degree, as ordinals, for pages in those orders: a page starts where its
/// cursor's key would stand (found by halving) and reads on, instead of sorting the entities for each request.
/// Worked out once per snapshot, after it is swapped in (<see cref="GraphIndexHolder"/>), off the way to ready.
/// </summary>
public sealed class EntityOrders
{
    private readonly string[] foldedNames;
    private readonly int[] degrees;

    public EntityOrders(GraphIndex index)
    {
        var count = index.Entities.Count;
        foldedNames = new string[count];
        degrees = new int[count];
        for (var i = 0; i < count; i++)
        {
            foldedNames[i] = TextNormalizer.Normalize(index.EntityAt(i).Entity.Name);
            degrees[i] = index.Compact.Degree(i, Direction.Both);
        }

        // Ordinals are id order, so ties broken by ordinal are broken by id.
        ByName = Enumerable.Range(0, count).ToArray();
        Array.Sort(ByName, (x, y) => CompareByName(foldedNames[x], x, foldedNames[y], y));
        ByDegree = Enumerable.Range(0, count).ToArray();
        Array.Sort(ByDegree, (x, y) => CompareByDegree(degrees[x], x, degrees[y], y));
    }

    /// <summary>Ordinals by folded name, then id.</summary>
    public int[] ByName { get; }

    /// <summary>Ordinals by degree, highest first, then id.</summary>
    public int[] ByDegree { get; }

    /// <summary>An entity's name as <see cref="ByName"/> compares it.</summary>
    public string FoldedName(int ordinal) => foldedNames[ordinal];

    /// <summary>An entity's degree as <see cref="ByDegree"/> compares it.</summary>
    public int Degree(int ordinal) => degrees[ordinal];

    /// <summary>
    /// Where an entity with this folded name and id stands (or would stand) in <see cref="ByName"/>: the first place
    /// whose entity sorts after it, or (<paramref name="atOrAfter"/>) not before it. The entity need not exist.
    /// </summary>
    public int NamePosition(GraphIndex index, string foldedName, string id, bool atOrAfter) =>
        Position(ByName, ordinal => CompareByName(foldedNames[ordinal], index.EntityAt(ordinal).Id, foldedName, id), atOrAfter);

    /// <summary>Where an entity with this degree and id stands (or would stand) in <see cref="ByDegree"/>, as <see cref="NamePosition"/>.</summary>
    public int DegreePosition(GraphIndex index, int degree, string id, bool atOrAfter) =>
        Position(ByDegree, ordinal => CompareByDegree(degrees[ordinal], index.EntityAt(ordinal).Id, degree, id), atOrAfter);

    private static int Position(int[] order, Func<int, int> compareToKey, bool atOrAfter)
    {
        int low = 0, high = order.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var comparison = compareToKey(order[middle]);
            if (comparison < 0 || (!atOrAfter && comparison == 0)) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    private static int CompareByName(string x, int xOrdinal, string y, int yOrdinal) =>
        string.CompareOrdinal(x, y) is var byName and not 0 ? byName : xOrdinal.CompareTo(yOrdinal);

    private static int CompareByName(string x, string xId, string y, string yId) =>
        string.CompareOrdinal(x, y) is var byName and not 0 ? byName : string.CompareOrdinal(xId, yId);

    private static int CompareByDegree(int x, int xOrdinal, int y, int yOrdinal) =>
        y.CompareTo(x) is var byDegree and not 0 ? byDegree : xOrdinal.CompareTo(yOrdinal);

    private static int CompareByDegree(int x, string xId, int y, string yId) =>
        y.CompareTo(x) is var byDegree and not 0 ? byDegree : string.CompareOrdinal(xId, yId);
}

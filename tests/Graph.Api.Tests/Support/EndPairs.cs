using Graph.Api.Index;

namespace Graph.Api.Tests.Support;

/// <summary>Relationships' ends as pairs, the way tests write and compare them, and as the columns the index reads.</summary>
internal static class EndPairs
{
    public static RelationshipEnds Columns(IReadOnlyList<(int From, int To)> pairs)
    {
        var ends = RelationshipEnds.Sized(pairs.Count);
        for (var i = 0; i < pairs.Count; i++) (ends.From[i], ends.To[i]) = pairs[i];
        return ends;
    }

    public static IEnumerable<(int From, int To)> Pairs(this RelationshipEnds ends) => ends.From.Zip(ends.To);
}

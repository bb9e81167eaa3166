using QuikGraph.Algorithms.ConnectedComponents;

namespace Graph.Api.Index;

/// <summary>
/// The separate parts the graph falls into when relationships are followed either way (its weakly
/// connected components): how many there are and how many entities the largest holds. An entity with
/// no relationships is a part of its own. A graph curator reads them as a sign of missing links.
/// </summary>
public sealed record GraphComponents(int Count, int LargestSize)
{
    /// <summary>
    /// Computed by QuikGraph's weakly connected components algorithm over the index's QuikGraph view: a
    /// whole-graph walk, once per snapshot (a fraction of a second for a million relationships, bench/HISTORY.md,
    /// round 29), never per request.
    /// </summary>
    public static GraphComponents Of(GraphIndex index)
    {
        var algorithm = new WeaklyConnectedComponentsAlgorithm<EntityNode, RelationshipNode>(index.AsQuikGraph());
        algorithm.Compute();
        var sizes = new int[algorithm.ComponentCount];
        foreach (var component in algorithm.Components.Values) sizes[component]++;
        return new GraphComponents(algorithm.ComponentCount, sizes.Length == 0 ? 0 : sizes.Max());
    }
}

using Graph.Api.Index;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Index;

/// <summary>The graph's separate parts, from QuikGraph's algorithm over the index's view, against a plain union–find.</summary>
public sealed class GraphComponentsTests
{
    [Fact]
    public void Direction_does_not_split_a_part_and_an_entity_alone_is_a_part_of_its_own()
    {
        // a→b←c is one part although neither end reaches the other along the arrows; d→e→d is a cycle; f has no relationships.
        var index = TestGraphs.Build("a>b", "c>b", "d>e", "e>d", "f");

        Assert.Equal(new GraphComponents(3, 3), index.Components);
    }

    [Fact]
    public void Self_loops_and_parallel_relationships_join_nothing_new()
    {
        var index = TestGraphs.Build("a>a", "a>b", "a>b", "c>c");

        Assert.Equal(new GraphComponents(2, 2), index.Components);
    }

    [Fact]
    public void An_empty_graph_has_no_parts()
    {
        var index = GraphIndex.Build([], []);

        Assert.Equal(new GraphComponents(0, 0), index.Components);
    }

    [Theory]
    [InlineData(1, 200, 60)]
    [InlineData(2, 200, 150)]
    [InlineData(3, 300, 400)]
    public void Random_graphs_have_the_parts_a_union_find_gives(int seed, int entities, int relationships)
    {
        var index = TestGraphs.Random(seed, entities, relationships);

        var expected = UnionFind(index);

        Assert.True(expected.Count > 1, "the random graph falls into several parts");
        Assert.Equal(expected, index.Components);
    }

    [Fact]
    public void The_view_gives_quikgraph_each_entity_with_the_relationships_it_starts()
    {
        var index = TestGraphs.Random(seed: 4, entities: 30, relationships: 120);
        var view = index.AsQuikGraph();

        Assert.Equal(index.Entities, view.Vertices);
        Assert.Equal(index.Relationships.Count, view.EdgeCount);
        foreach (var entity in index.Entities)
        {
            Assert.Equal(index.Relationships.Where(r => r.From == entity), view.OutEdges(entity));
            Assert.Equal(view.OutEdges(entity).Count(), view.OutDegree(entity));
            foreach (var relationship in view.OutEdges(entity)) Assert.True(view.ContainsEdge(entity, relationship.To));
        }

        // Another snapshot's node for the same id is not this graph's.
        var other = TestGraphs.Random(seed: 4, entities: 30, relationships: 120).Entities[0];
        Assert.False(view.ContainsVertex(other));
        Assert.False(view.TryGetOutEdges(other, out _));
        Assert.Throws<QuikGraph.VertexNotFoundException>(() => view.OutEdges(other));
    }

    private static GraphComponents UnionFind(GraphIndex index)
    {
        var parent = Enumerable.Range(0, index.Entities.Count).ToArray();
        int Root(int e) => parent[e] == e ? e : parent[e] = Root(parent[e]);
        foreach (var relationship in index.Relationships) parent[Root(relationship.From.Ordinal)] = Root(relationship.To.Ordinal);
        var sizes = Enumerable.Range(0, parent.Length).GroupBy(Root).Select(g => g.Count()).ToList();
        return new GraphComponents(sizes.Count, sizes.DefaultIfEmpty(0).Max());
    }
}

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

        // Its edges are the index's relationships, each equal to the node requests get, and contained in the view.
        Assert.Equal(index.Relationships, view.Edges);
        Assert.All(view.Edges, edge => Assert.True(view.ContainsEdge(edge)));
        Assert.All(index.Relationships, edge => Assert.True(view.ContainsEdge(edge)));

        // Another snapshot's node for the same id is not this graph's.
        var otherIndex = TestGraphs.Random(seed: 4, entities: 30, relationships: 120);
        var other = otherIndex.Entities[0];
        Assert.False(view.ContainsVertex(other));
        Assert.False(view.TryGetOutEdges(other, out _));
        Assert.Throws<QuikGraph.VertexNotFoundException>(() => view.OutEdges(other));
        Assert.False(view.ContainsEdge(otherIndex.RelationshipAt(0)));
        Assert.NotEqual(index.RelationshipAt(0), otherIndex.RelationshipAt(0));
    }

    [Fact]
    public void Working_out_the_parts_keeps_no_node()
    {
        // QuikGraph walks every relationship; the index keeps nodes only for those requests read.
        var index = TestGraphs.Random(seed: 6, entities: 40, relationships: 200);
        Assert.True(index.Components.Count > 0);
        // Two reads of an edge give two nodes, equal, and each contained in the view.
        var view = index.AsQuikGraph();
        var (first, again) = (view.Edges.First(), view.Edges.First());
        Assert.NotSame(first, again);
        Assert.Equal(first, again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.True(view.ContainsEdge(again));
        var table = Assert.IsType<RelationshipTable>(index.Relationships);
        for (var position = 0; position < table.Count; position++) Assert.NotSame(table.Uncached(position), table.Uncached(position));
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

using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Index;

/// <summary>
/// The traversals walk the compact (array) adjacency's ordinals; relationship lists read its nodes.
/// Both must give the same steps in the same order for every entity, direction and filter, and both
/// must be what the relationships themselves say.
/// </summary>
public sealed class CompactAdjacencyTests
{
    private static readonly EntityKind[] Kinds = Enum.GetValues<EntityKind>();
    private static readonly RelationshipType[] Types = Enum.GetValues<RelationshipType>();

    [Fact]
    public void Kinds_and_types_fit_the_filter_bit_masks() =>
        Assert.True(Kinds.Cast<Enum>().Concat(Types.Cast<Enum>()).All(v => Convert.ToInt32(v, null) is >= 0 and < 64));

    [Fact]
    public void Steps_match_the_object_adjacency_for_every_entity_direction_and_filter()
    {
        var index = TestGraphs.Random(seed: 7, entities: 60, relationships: 400);
        var filters = new[]
        {
            RelationshipFilter.None,
            new RelationshipFilter(Types: new HashSet<RelationshipType> { Types[1], Types[3] }),
            new RelationshipFilter(OtherKinds: new HashSet<EntityKind> { EntityKind.Person, EntityKind.Topic }),
            new RelationshipFilter(AsOf: new DateOnly(2013, 1, 1)),
            new RelationshipFilter(AsOf: new DateOnly(2012, 12, 31)),
            new RelationshipFilter(new HashSet<RelationshipType> { Types[0], Types[2], Types[5] }, new HashSet<EntityKind> { EntityKind.Organization }, new DateOnly(2015, 6, 30)),
        };
        var compared = 0;
        foreach (var filter in filters)
        {
            var compact = new CompactFilter(index.Compact, filter);
            foreach (var entity in index.Entities)
            {
                foreach (var direction in Enum.GetValues<Direction>())
                {
                    var expected = index.Adjacents(entity, direction, filter).Select(a => (a.Relationship.Ordinal, a.Other.Ordinal, a.Direction)).ToList();
                    var actual = new List<(int, int, Direction)>();
                    foreach (var step in index.Compact.Steps(entity.Ordinal, direction, compact)) actual.Add((step.Relationship, step.Other, step.Direction));
                    Assert.Equal(expected, actual);
                    compared += expected.Count;
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} steps compared");
    }

    [Fact]
    public void An_entity_takes_part_in_exactly_the_types_of_its_relationships_at_either_end()
    {
        // A sparse graph, so that many entity and type pairs are absent as well as present.
        var index = TestGraphs.Random(seed: 13, entities: 60, relationships: 90);
        var present = 0;
        foreach (var entity in index.Entities)
        {
            foreach (var type in Types)
            {
                var expected = index.Adjacents(entity, Direction.Both, new RelationshipFilter(Types: new HashSet<RelationshipType> { type })).Any();
                Assert.Equal(expected, index.Compact.TakesPartIn(entity.Ordinal, type));
                if (expected) present++;
            }
        }

        Assert.InRange(present, 60, (60 * Types.Length) - 60);
    }

    [Fact]
    public void A_page_of_adjacents_after_a_cursor_is_the_same_as_the_filtered_list_from_there()
    {
        // Self-loops and parallel relationships included (TestGraphs.Random), every direction and filter kind.
        var index = TestGraphs.Random(seed: 19, entities: 25, relationships: 400);
        var compared = 0;
        foreach (var (filter, entity, direction) in TestGraphs.EveryFilterEntityAndDirection(index))
        {
            var all = index.Adjacents(entity, direction, filter).ToList();
            foreach (var after in all.Select(a => a.Relationship.Ordinal).Prepend(-1).Where((_, i) => i % 3 == 0))
            {
                foreach (var count in new[] { 0, 1, 4, 1000 })
                {
                    var expected = index.Adjacents(entity, direction, filter, after).Take(count).ToList();
                    Assert.Equal(expected, index.AdjacentsAfter(entity, direction, filter, after, count));
                    compared += expected.Count;
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} steps compared");
    }

    [Fact]
    public void Adjacents_between_two_cursors_are_the_filtered_list_cut_there_forward_and_backward()
    {
        // Self-loops (listed once, outgoing, both ways) and parallel relationships included, every direction and filter.
        var index = TestGraphs.Random(seed: 23, entities: 25, relationships: 400);
        var compared = 0;
        foreach (var (filter, entity, direction) in TestGraphs.EveryFilterEntityAndDirection(index))
        {
            var all = index.Adjacents(entity, direction, filter).ToList();
            var ordinals = all.Select(a => a.Relationship.Ordinal).ToList();
            foreach (var after in ordinals.Prepend(-1).Where((_, i) => i % 3 == 0))
            {
                foreach (var before in ordinals.Append(int.MaxValue).Where((_, i) => i % 4 == 1 || i == ordinals.Count))
                {
                    var expected = all.Where(a => a.Relationship.Ordinal > after && a.Relationship.Ordinal < before).ToList();
                    Assert.Equal(expected, index.Adjacents(entity, direction, filter, after, before));
                    Assert.Equal(Enumerable.Reverse(expected), index.AdjacentsBackward(entity, direction, filter, after, before));
                    Assert.Equal(expected.Take(4), index.AdjacentsAfter(entity, direction, filter, after, 4, before));
                    compared += expected.Count;
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} steps compared");
    }

    [Fact]
    public void The_entities_taking_part_in_a_type_are_those_with_a_relationship_of_it_in_id_order()
    {
        var index = TestGraphs.Random(seed: 17, entities: 150, relationships: 200);
        foreach (var type in Types)
        {
            var expected = index.Entities
                .Where(e => index.Adjacents(e, Direction.Both, new RelationshipFilter(Types: new HashSet<RelationshipType> { type })).Any()).ToList();
            Assert.Equal(expected, index.EntitiesTakingPartIn(type));
            Assert.Equal(expected.Count, index.EntitiesTakingPartIn(type).Count);
        }
    }

    [Fact]
    public void Outgoing_rows_list_each_relationship_where_it_starts()
    {
        var index = TestGraphs.Random(seed: 11, entities: 30, relationships: 200);
        foreach (var entity in index.Entities)
        {
            Assert.Equal(index.Outgoing(entity).Select(r => r.Ordinal), index.Compact.OutgoingRelationships(entity.Ordinal).ToArray());
            Assert.Equal(index.Outgoing(entity).Select(r => r.To.Ordinal), index.Compact.OutgoingTargets(entity.Ordinal).ToArray());
            var run = index.Compact.OutgoingRun(entity.Ordinal);
            for (var i = 0; i < run.Count; i++) Assert.Same(index.RelationshipAt(run.OrdinalAt(i)), run[i]);
        }
    }

    [Fact]
    public void A_relationship_has_one_node_however_it_is_reached()
    {
        // Nodes are made on first use: from the outgoing run, the incoming run, by ordinal and by id, the same object.
        var index = TestGraphs.Random(seed: 17, entities: 30, relationships: 300);
        foreach (var entity in index.Entities)
        {
            var incoming = index.Incoming(entity);
            for (var i = 0; i < incoming.Count; i++)
            {
                var node = incoming[i];
                Assert.Equal(node.Ordinal, incoming.OrdinalAt(i));
                Assert.Same(node, index.Outgoing(node.From).Single(r => r.Ordinal == node.Ordinal));
                Assert.Same(node, index.RelationshipAt(node.Ordinal));
                Assert.Same(node, index.FindRelationship(node.Id));
                Assert.Same(entity, node.To);
            }
        }
    }

    [Fact]
    public void Each_entity_lists_exactly_the_relationships_it_starts_and_ends_in_id_order()
    {
        // Self-loops (in both lists) and parallel relationships included; relationship ids do not follow their ends.
        var index = TestGraphs.Random(seed: 23, entities: 40, relationships: 500);
        foreach (var entity in index.Entities)
        {
            var starts = index.Relationships.Where(r => r.From == entity).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var ends = index.Relationships.Where(r => r.To == entity).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            Assert.Equal(starts, index.Outgoing(entity));
            Assert.Equal(ends, index.Incoming(entity));
            Assert.Equal(starts.Select(r => r.Ordinal), index.Compact.OutgoingRelationships(entity.Ordinal).ToArray());
            Assert.Equal(starts.Count + ends.Count, index.Degree(entity));
        }

        Assert.Contains(index.Relationships, r => r.From == r.To);
    }

    [Fact]
    public void Every_adjacency_list_is_in_relationship_id_order()
    {
        // Relationship ids here do not follow the entities they start at, so the lists come out sorted only
        // because the build sorts them (paging binary-searches them).
        var index = TestGraphs.Random(seed: 5, entities: 40, relationships: 400);
        foreach (var entity in index.Entities)
        {
            foreach (var list in new[] { index.Outgoing(entity), index.Incoming(entity) })
            {
                var ids = list.Select(r => r.Id).ToArray();
                Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
                Assert.Equal(list.Select(r => r.Ordinal).Order(), list.Select(r => r.Ordinal));
            }
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Index;

/// <summary>
/// The seed's index is built straight from the validated rows; any later one from model relationships.
/// Both ways must give the same index, node for node and list for list.
/// </summary>
public sealed class IndexFromRowsTests
{
    [Fact]
    public void The_seed_gives_the_same_index_from_its_rows_as_from_model_relationships()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"));
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json));

        var fromRows = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        var fromModel = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships.Select(RecordMapping.ToRelationship));

        Assert.True(fromRows.Relationships.Count > 30);
        Assert.Contains(fromRows.Relationships, r => r.Properties.Count > 0);
        Assert.Contains(fromRows.Relationships, r => r.ValidTime != ValidTime.Always);
        Assert.Equal(Describe(fromModel), Describe(fromRows));
    }

    [Fact]
    public void A_seed_snapshot_s_kept_parts_give_the_same_index_as_its_rows_alone()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed", "china-belarus.json"));
        var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(SeedReader.Read(json));
        // Neither list in id order, so the kept positions are those of the rows as given, not the index's ordinals.
        Assert.NotEqual(entities.Select(e => e.Id).Order(StringComparer.Ordinal), entities.Select(e => e.Id));
        Assert.NotEqual(relationships.Select(r => r.Id).Order(StringComparer.Ordinal), relationships.Select(r => r.Id));
        var fromRows = GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
        var folder = Directory.CreateTempSubdirectory("graph-index-parts-").FullName;
        try
        {
            var path = Path.Combine(folder, "seed.snapshot");
            var fingerprint = new SeedFingerprint(SeedFingerprint.CurrentBuild, 1, 2);
            SeedSnapshotWriter.Write(path, fingerprint, entities, relationships, index: fromRows);
            var snapshot = SeedSnapshotReader.Read(path, fingerprint, out _)!;

            // Written with the index, the entities come back in id order, for the next index to take as they come, and the
            // relationships as the index's columns, mapped, with no row read into memory.
            Assert.Equal(entities.Select(e => e.Id).Order(StringComparer.Ordinal), snapshot.Entities.Select(e => e.Id));
            Assert.Empty(snapshot.Relationships);
            Assert.Equal(relationships.Count, snapshot.Prebuilt.Columns!.Rows.Length);
            var fromSnapshot = GraphIndex.Build(snapshot.Entities, snapshot.Relationships, snapshot.Input, snapshot.Prebuilt);

            Assert.Equal(Describe(fromRows), Describe(fromSnapshot));
            Assert.Equal(fromRows.Search.SuffixOrder.ToArray(), fromSnapshot.Search.SuffixOrder.ToArray());
            // The search takes the mapped suffixes as they lie, not a copy.
            Assert.True(Unsafe.AreSame(
                ref MemoryMarshal.GetReference(fromSnapshot.Search.SuffixOrder), ref MemoryMarshal.GetReference(snapshot.Prebuilt.SearchSuffixes!.Value.Span)));
            Assert.Equal(fromRows.Search.NameOrder.ToArray(), fromSnapshot.Search.NameOrder.ToArray());
            Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(fromSnapshot.Search.NameOrder), ref snapshot.Prebuilt!.SearchNameOrder![0]));
            Assert.Equal(
                fromRows.Search.Find("belarus", null, 50).Select(h => (h.Entity.Id, h.MatchedName, h.Match)),
                fromSnapshot.Search.Find("belarus", null, 50).Select(h => (h.Entity.Id, h.MatchedName, h.Match)));
            // The mapped rows refer to the snapshot's values: rows with the same dates share one valid time.
            Assert.Equal(
                relationships.Select(r => (r.ValidFrom, r.ValidTo)).Distinct().Count(),
                fromSnapshot.Relationships.Select(r => r.ValidTime).Distinct(ReferenceEqualityComparer.Instance).Count());

            // Written without the index, the rows come back as given, with their ends' positions.
            SeedSnapshotWriter.Write(path, fingerprint, entities, relationships);
            var given = SeedSnapshotReader.Read(path, fingerprint, out _)!;
            Assert.Null(given.Prebuilt.Columns);
            Assert.Equal(Describe(fromRows), Describe(GraphIndex.Build(given.Entities, given.Relationships, given.Input, given.Prebuilt)));

            // The ends are taken from the kept positions, not looked up by id again: given each other's, every relationship is turned round.
            var turned = given.Prebuilt with { Ends = new RelationshipEnds(given.Prebuilt.Ends!.To, given.Prebuilt.Ends.From) };
            var turnedRound = GraphIndex.Build(given.Entities, given.Relationships, given.Input, turned);
            Assert.All(fromRows.Relationships, r => Assert.Equal((r.To.Id, r.From.Id), (turnedRound.RelationshipAt(r.Ordinal).From.Id, turnedRound.RelationshipAt(r.Ordinal).To.Id)));

            // Entities given in another order than their ids': the kept ends are positions among them, which the build turns into ordinals.
            var reversed = given.Entities.AsEnumerable().Reverse().ToArray();
            var last = reversed.Length - 1;
            var reordered = given.Prebuilt with { Ends = EndPairs.Columns([.. given.Prebuilt.Ends!.Pairs().Select(e => (last - e.From, last - e.To))]) };
            Assert.Equal(Describe(fromRows), Describe(GraphIndex.Build(reversed, given.Relationships, given.Input, reordered)));

            // Each relationship keeps the valid time its row came with, shared by the rows with the same dates, not one made again.
            var fromGiven = GraphIndex.Build(given.Entities, given.Relationships, given.Input, given.Prebuilt);
            var byId = given.Relationships.ToDictionary(r => given.Values.IdJson(r).Decoded());
            Assert.All(fromGiven.Relationships, r => Assert.Same(given.Values.ValidTime(byId[r.Id]), r.ValidTime));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_relationship_s_node_is_made_when_first_asked_for_and_then_kept()
    {
        var index = TestGraphs.Random(seed: 3, entities: 20, relationships: 100);
        var table = Assert.IsType<RelationshipTable>(index.Relationships);
        var position = table.PositionOf(42);
        // Nothing has asked for it yet: a pass's node for one read is made anew each time, and kept by nobody.
        Assert.NotSame(table.Uncached(position), table.Uncached(position));
        var node = index.RelationshipAt(42);
        Assert.Same(node, table.Uncached(position));
        Assert.Same(node, index.RelationshipAt(42));
        Assert.Equal(42, node.Ordinal);
        Assert.Equal(table.Values.IdJson(table.RowAt(position)).Decoded(), node.Id);
    }

    [Fact]
    public void Kept_nodes_take_room_only_in_the_pages_requests_have_read_and_each_position_keeps_one_node_whoever_makes_it()
    {
        var index = TestGraphs.Random(seed: 4, entities: 300, relationships: 5000);
        var table = Assert.IsType<RelationshipTable>(index.Relationships);
        // A pass over every relationship keeps nothing, so the index begins to serve with no page.
        Assert.Equal(5000, Enumerable.Range(0, table.Count).Count(p => table.Uncached(p) is not null));
        Assert.Equal(0, table.NodePagesMade);

        var first = table.NodeAt(10);
        Assert.Equal(1, table.NodePagesMade);
        Assert.NotSame(first, table.NodeAt(1023));
        Assert.Equal(1, table.NodePagesMade);
        Assert.Same(first, table.NodeAt(10));

        // Every position asked for on every core at once: one node each, the same for every caller, in the pages read.
        var made = new RelationshipNode[4][];
        Parallel.For(0, made.Length, copy => made[copy] = [.. Enumerable.Range(0, table.Count).Select(p => table.NodeAt((p * 7919 + copy * 13) % table.Count))]);
        var byPosition = Enumerable.Range(0, table.Count).Select(table.NodeAt).ToArray();
        Assert.All(made, nodes => Assert.All(nodes, node => Assert.Same(byPosition[table.PositionOf(node.Ordinal)], node)));
        Assert.Equal(5, table.NodePagesMade);
        Assert.Equal(Enumerable.Range(0, table.Count), byPosition.Select(n => table.PositionOf(n.Ordinal)));
    }

    [Fact]
    public void Rows_with_the_same_dates_share_one_valid_time()
    {
        var rows = new[] { Row("r1", "2013", "2015-06"), Row("r2", "2013", "2015-06"), Row("r3", null, null) };

        var index = GraphIndex.Build([Entity("a"), Entity("b")], rows, RecordMapping.ForIndex());

        Assert.Same(index.FindRelationship("r1")!.ValidTime, index.FindRelationship("r2")!.ValidTime);
        Assert.Equal(new DateOnly(2015, 6, 30), index.FindRelationship("r1")!.ValidTime.End!.Latest);
        Assert.Same(ValidTime.Always, index.FindRelationship("r3")!.ValidTime);
    }

    [Fact]
    public void A_relationship_finds_its_ends_in_the_outgoing_rows_when_entities_before_between_and_after_have_none()
    {
        // Only b and d start relationships: a, c and e have no outgoing rows, so their rows start where the next entity's do.
        Relationship[] links = [Link("r1", "b", "a"), Link("r2", "d", "e"), Link("r3", "b", "d"), Link("r4", "d", "d"), Link("r5", "b", "c")];

        var index = GraphIndex.Build(FiveIds.Select(Entity), links);
        var table = Assert.IsType<RelationshipTable>(index.Relationships);

        Assert.Equal(links.Select(l => (l.Id, l.FromId, l.ToId)), index.Relationships.Select(r => (r.Id, r.From.Id, r.To.Id)));
        Assert.Equal(
            ["b", "b", "b", "d", "d"], Enumerable.Range(0, links.Length).Select(position => index.EntityAt(table.FromAt(position)).Id));
    }

    [Fact]
    public void Each_entity_is_listed_once_under_each_property_key_it_has_in_ordinal_order()
    {
        TypedProperty Property(string key) => new(key, PropertyValueType.Text, "value");
        Entity[] entities =
        [
            Entity("d") with { Properties = [Property("size"), Property("size"), Property("colour")] },
            Entity("b") with { Properties = [Property("colour")] },
            Entity("c"),
            Entity("a") with { Properties = [Property("size")] },
        ];

        var index = GraphIndex.Build(entities, []);

        Assert.Equal(["a", "d"], index.EntitiesWithProperty("size").Select(e => e.Id));
        Assert.Equal(["b", "d"], index.EntitiesWithProperty("colour").Select(e => e.Id));
        Assert.Empty(index.EntitiesWithProperty("weight"));
    }

    private static readonly string[] FiveIds = ["a", "b", "c", "d", "e"];

    private static Relationship Link(string id, string from, string to) => new(id, RelationshipType.CooperatesIn, from, to, null, ValidTime.Always, [], []);

    private static Entity Entity(string id) => new(id, EntityKind.Topic, id, [], "", [], ValidTime.Always);

    private static RelationshipRecord Row(string id, string? from, string? to) => new()
    {
        Id = id, Type = RelationshipType.CooperatesIn, FromId = "a", ToId = "b", ValidFrom = from, ValidTo = to, Properties = [], Sources = [],
    };

    private static List<CompactStep> Steps(CompactAdjacency compact, int entity)
    {
        var steps = new List<CompactStep>();
        foreach (var step in compact.Steps(entity, Direction.Both, new CompactFilter(compact, new RelationshipFilter()))) steps.Add(step);
        return steps;
    }

    /// <summary>Every node with its fields, every entity's lists and steps, in order, and the counts by type.</summary>
    private static string Describe(GraphIndex index)
    {
        var compact = index.Compact;
        var lines = index.Relationships.Select(r =>
            $"{r.Ordinal}|{r.Id}|{r.Type}|{r.From.Id}|{r.To.Id}|{r.Description}|{r.ValidTime}|{string.Join(",", r.Properties)}|{string.Join(",", r.Sources)}|{Convert.ToHexString(r.IdJson.Utf8)}" +
            $"|{index.Compact.RelationshipTypes[r.Ordinal]}|{compact.ValidFrom(r.Ordinal)}|{compact.ValidTo(r.Ordinal)}");
        var lists = index.Entities.Select(e =>
            $"{e.Ordinal}|{e.Id}|{string.Join(",", index.Outgoing(e).Select(r => r.Ordinal))}|{string.Join(",", index.Incoming(e).Select(r => r.Ordinal))}" +
            $"|{string.Join(",", compact.OutgoingRelationships(e.Ordinal).ToArray())}|{index.Degree(e)}|{compact.EntityRelationshipTypes[e.Ordinal]}" +
            $"|{string.Join(",", Steps(compact, e.Ordinal))}");
        return string.Join("\n", lines.Concat(lists).Append(string.Join(",", index.RelationshipCounts.OrderBy(p => p.Key))));
    }
}

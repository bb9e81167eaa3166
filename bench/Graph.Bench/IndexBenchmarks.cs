using BenchmarkDotNet.Attributes;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Search;
using Graph.Api.Storage;
using Graph.Api.Traversal;

namespace Graph.Bench;

/// <summary>The index and the traversals alone, on synthetic graphs of 10k/100k and 100k/1M.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class IndexBenchmarks
{
    private Entity[] entities = [];
    private Relationship[] relationships = [];
    private GraphIndex index = null!;
    private EntityNode hub = null!, far1 = null!, far2 = null!, quiet = null!;

    private static readonly RelationshipFilter OnADay = RelationshipFilter.None with { AsOf = new DateOnly(2015, 6, 1) };

    [Params(10_000, 100_000)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(Path.GetTempPath(), $"graph-bench-{Entities}-v{SyntheticGraph.Version}.json");
        if (!File.Exists(file)) SyntheticGraph.Write(file, Entities, Entities * 10);
        var (entityRecords, relationshipRecords) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>())
            .Validate(SeedReader.Read(File.ReadAllText(file)));
        entities = entityRecords.Select(RecordMapping.ToEntity).ToArray();
        relationships = relationshipRecords.Select(RecordMapping.ToRelationship).ToArray();
        index = GraphIndex.Build(entities, relationships);
        var byDegree = index.Entities.OrderBy(e => index.Degree(e)).ToList();
        hub = byDegree[^1];
        quiet = byDegree[byDegree.Count / 2];
        far1 = byDegree[byDegree.Count / 3];
        far2 = byDegree[(2 * byDegree.Count) / 3];
    }

    [Benchmark]
    public GraphIndex BuildIndex() => GraphIndex.Build(entities, relationships);

    [Benchmark]
    public int NeighborhoodDepth1() => Neighborhood.Explore(index, quiet, 1, Direction.Both, RelationshipFilter.None, 200, TraversalLimits.Default).Nodes.Count;

    [Benchmark]
    public int NeighborhoodDepth2Capped200() => Neighborhood.Explore(index, quiet, 2, Direction.Both, RelationshipFilter.None, 200, TraversalLimits.Default).Nodes.Count;

    /// <summary>A neighbourhood that keeps only the relationships holding on a day: each step tests its relationship's days.</summary>
    [Benchmark]
    public int NeighborhoodDepth2AsOf() => Neighborhood.Explore(index, quiet, 2, Direction.Both, OnADay, 200, TraversalLimits.Default).Nodes.Count;

    /// <summary>The graph-wide list's count on a day: a count from each group's sorted dates (a pass over every relationship until round 67).</summary>
    [Benchmark]
    public int RelationshipsHoldingOnADay() => index.AllRelationshipsCount(new GraphRelationshipFilter(null, new DateOnly(2015, 6, 1), null, null));

    /// <summary>A page of the graph-wide list by the ends' kinds on a day: the groups the filter keeps, merged in id order.</summary>
    [Benchmark]
    public int RelationshipsByKindsOnADayPage() => index.AllRelationships(
        new GraphRelationshipFilter(null, new DateOnly(2010, 6, 1), new HashSet<EntityKind> { EntityKind.Country }, new HashSet<EntityKind> { EntityKind.Project }), -1).Take(20).Count();

    [Benchmark]
    public int ShortestPathFarApart() => ShortestPath.Find(index, far1, far2, Direction.Both, RelationshipFilter.None, 8, TraversalLimits.Default).Path?.Length ?? -1;

    [Benchmark]
    public int ReachableWithin2() => Reachability.Find(index, quiet, 1, 2, Direction.Both, RelationshipFilter.None, new HashSet<EntityKind> { EntityKind.Organization }, TraversalLimits.Default).Entities.Count;

    [Benchmark]
    public int HubRelationshipsPage() => index.Adjacents(hub, Direction.Both, RelationshipFilter.None).Take(20).Count();

    [Benchmark]
    public int SearchPrefix() => index.Search.Find("amber bir", null, 10).Count;

    [Benchmark]
    public int SearchContains() => index.Search.Find("granite 12", null, 10).Count;

    [Benchmark]
    public int SearchCommonWord() => index.Search.Find("granite", null, 100).Count;

    [Benchmark]
    public int NameFilterCommonWord() => index.Search.EntitiesNamedWith("granite").Count;

    [Benchmark]
    public SearchIndex BuildSearchIndex() => new(index.Entities);

    /// <summary>The entities sorted by name and by degree, for pages in those orders: worked out once, after a snapshot is swapped in.</summary>
    [Benchmark]
    public EntityOrders BuildEntityOrders() => new(index);

    /// <summary>A search that matches no name as typed, so names one slip from it are offered (the words they are found by built already).</summary>
    [Benchmark]
    public int SearchSimilar() => index.Search.Find("granitte", null, 10).Count;

    /// <summary>QuikGraph's weakly connected components over the index's view: what a snapshot works out once, after it is swapped in.</summary>
    [Benchmark]
    public GraphComponents Components() => GraphComponents.Of(index);
}

using BenchmarkDotNet.Attributes;
using Graph.Api.Endpoint;
using Graph.Api.Execution;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Schema;
using Graph.Api.Storage;
using Graph.Api.Traversal;
using GraphQL.SystemTextJson;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;

namespace Graph.Bench;

/// <summary>
/// One request's execution and serialisation without HTTP, on the 100k/1M graph: GraphQL.NET's
/// executor against the compiled plans, for the load run's neighbourhood, two-level entity, search and shortest-path queries.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ExecutionBenchmarks
{
    private const string NeighborhoodQuery = "query N($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { distance entity { id name kind } } relationships { id type from { id } to { id } } } }";
    private const string SearchQuery = "query S($t: String!) { search(text: $t, first: 10) { match entity { id name kind } } }";
    private const string NeighborhoodCenter = "person-0000007", EntityId = "topic-0050011", SearchText = "granite 12";
    private const string PathQuery = "query P($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length steps { relationship { id type } to { id name } } } }";
    private const string EntityQuery = "query E($id: ID!) { entity(id: $id) { id name relationships(first: 10) { edges { relationship { type } node { id name relationships(first: 10) { edges { relationship { type } node { id name } } } } } } } }";

    private ServiceProvider services = null!;
    private IDocumentExecuter<GraphSchema> executer = null!;
    private CompiledExecutor compiled = null!;
    private GraphQLSerializer serializer = null!;
    private GraphUserContext userContext = null!;
    private DefaultHttpContext http = null!;
    private (GraphQLDocument Document, GraphQLOperationDefinition Operation, Inputs Variables, string Text) neighborhood, entity, search, path;

    [Params("neighborhood", "entity", "search", "path")]
    public string Query { get; set; } = "neighborhood";

    [GlobalSetup]
    public void Setup()
    {
        var index = LoadLargeGraph();
        var configuration = new ConfigurationBuilder().Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production })
            .AddGraphQLEndpoint(configuration)
            .BuildServiceProvider();
        executer = services.GetRequiredService<IDocumentExecuter<GraphSchema>>();
        compiled = services.GetRequiredService<CompiledExecutor>();
        serializer = services.GetRequiredService<GraphQLSerializer>();
        userContext = new GraphUserContext(index, new LimitsOptions());
        http = new DefaultHttpContext { RequestServices = services };
        neighborhood = Parse(NeighborhoodQuery, ("id", NeighborhoodCenter));
        entity = Parse(EntityQuery, ("id", EntityId));
        search = Parse(SearchQuery, ("t", SearchText));
        path = Parse(PathQuery, ("a", NeighborhoodCenter), ("b", EntityId));
    }

    /// <summary>The index's own work for the query without the answer: the neighbourhood traversal for the same centre, the search, or the path's search.</summary>
    [Benchmark]
    public int TraversalOnly()
    {
        var index = userContext.Index;
        if (Query == "search") return index.Search.Find(SearchText, null, 10).Count;
        if (Query == "path")
        {
            var found = ShortestPath.Find(index, index.FindEntity(NeighborhoodCenter)!, index.FindEntity(EntityId)!, Direction.Both, RelationshipFilter.None, 6, TraversalLimits.Default);
            return found.Path?.Steps.Count ?? -1;
        }

        return LoadRunNeighborhood(index, Query == "entity" ? EntityId : NeighborhoodCenter).Relationships.Count;
    }

    /// <summary>The load run's neighbourhood: depth 2, both directions, at most 200 entities, around person-0000007 unless another centre is given.</summary>
    public static NeighborhoodResult LoadRunNeighborhood(GraphIndex index, string center = NeighborhoodCenter) =>
        Neighborhood.Explore(index, index.FindEntity(center)!, 2, Direction.Both, RelationshipFilter.None, 200, TraversalLimits.Default);

    /// <summary>The index of the 100k / 1M synthetic graph, the file written on first use.</summary>
    public static GraphIndex LoadLargeGraph()
    {
        var file = Path.Combine(Path.GetTempPath(), $"graph-bench-100000-v{SyntheticGraph.Version}.json");
        if (!File.Exists(file)) SyntheticGraph.Write(file, 100_000, 1_000_000);
        var (entityRecords, relationshipRecords) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>())
            .Validate(SeedReader.Read(File.ReadAllText(file)));
        return GraphIndex.Build(entityRecords.Select(RecordMapping.ToEntity).ToArray(), relationshipRecords.Select(RecordMapping.ToRelationship).ToArray());
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    private (GraphQLDocument, GraphQLOperationDefinition, Inputs, string) Current => Query switch
    {
        "entity" => entity,
        "search" => search,
        "path" => path,
        _ => neighborhood,
    };

    [Benchmark(Baseline = true)]
    public async Task Engine()
    {
        var (document, _, variables, text) = Current;
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = text,
            Document = document,
            Variables = variables,
            UserContext = userContext,
            RequestServices = services,
        });
        await serializer.WriteAsync(Stream.Null, result);
    }

    [Benchmark]
    public async Task<int> Compiled()
    {
        var (document, operation, variables, _) = Current;
        using var body = await compiled.TryExecuteAsync(document, operation, variables, userContext, http, CancellationToken.None)
            ?? throw new InvalidOperationException("handed back");
        return body.WrittenCount;
    }

    private static (GraphQLDocument, GraphQLOperationDefinition, Inputs, string) Parse(string text, params (string Name, string Value)[] variables)
    {
        var document = GraphQLParser.Parser.Parse(text);
        var inputs = new Inputs(variables.ToDictionary(variable => variable.Name, variable => (object?)variable.Value));
        return (document, document.Definitions.OfType<GraphQLOperationDefinition>().Single(), inputs, text);
    }
}

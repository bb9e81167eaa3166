using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Api.Execution;
using Graph.Api.Tests.Schema;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Execution;

/// <summary>
/// The compiled query path answers exactly as GraphQL.NET's executor does: every query here is sent
/// to a service with compiled plans off and to one with them on, and the bodies must be equal.
/// </summary>
public sealed partial class CompiledExecutionTests : IDisposable
{
    private const string EntityFields = "id kind name description aliases validTime { start { text precision } end { text } }";

    private readonly GraphApiFactory engineOnly = new GraphApiFactory().With("Graph:Execution:Compiled", "false");
    // Plans get their own code after one object (PlanCode), so the answers compared below come from that code.
    private readonly GraphApiFactory compiled = new GraphApiFactory().With("Logging:LogLevel:Graph.Api.Execution", "Debug")
        .With("Graph:Execution:CodeAfterRuns", "1");

    /// <summary>Queries the compiled path must answer itself (no hand-back to the engine).</summary>
    public static TheoryData<string, string?> CompiledQueries() => new()
    {
        { $"{{ entity(id: \"belarus\") {{ {EntityFields} ... on Country {{ isoCode agreements {{ id name signedOn {{ text }} }} }} }} }}", null },
        { "query($id: ID!) { entity(id: $id) { id name relationships(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor relationship { id type } node { id name __typename } } } } }", """{"id":"china"}""" },
        { "{ a: entity(id: \"china\") { id } b: entity(id: \"nobody\") { id } c: entity(id: \"xi-jinping\") { __typename name } }", null },
        { "fragment E on Entity { id name } fragment C on Country { isoCode } { entity(id: \"china\") { ...E ...C ... on Person { offices { title } } } node(id: \"belarus\") { id ... on Entity { ...E } } }", null },
        { "{ entities(kind: COUNTRY, first: 5) { totalCount edges { node { id name } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }", null },
        { "query($after: String) { entities(first: 4, after: $after) { edges { cursor node { id } } } }", """{"after":null}""" },
        { "query($o: EntityOrder) { entities(kind: TOPIC, orderBy: $o, first: 4) { totalCount edges { cursor node { id name degree } } pageInfo { endCursor hasNextPage } } }", """{"o":"DEGREE"}""" },
        { "{ entities(orderBy: NAME, last: 3) { edges { cursor node { id name } } pageInfo { startCursor hasPreviousPage } } }", null },
        { "{ search(text: \"great stone\", first: 5) { match entity { id name kind } } }", null },
        { "query($t: String!) { search(text: $t) { match entity { id } } }", """{"t":"belarus"}""" },
        { "query($t: String!) { search(text: $t, first: 3) { match matchedName cursor entity { id } } }", """{"t":"industrail park"}""" },
        { "{ neighborhood(id: \"belarus\", depth: 2, limit: 50) { truncated center { id } nodes { distance entity { id name kind } } relationships { id type from { id } to { id } validTime { start { text } } sources { paragraph document { id } } } } }", null },
        // Entities of several kinds mixed in one list: each value gets its own type's plan.
        { "{ neighborhood(id: \"belarus\", depth: 2, limit: 40) { nodes { entity { __typename id ... on Country { isoCode } ... on Person { offices { title } } } } relationships { from { __typename } to { __typename ... on Organization { id } } } } }", null },
        // Objects of leaves only under one field, with a selection of their own for each kind (none for most): a plan's code
        // writes each in place by the plan its kind took, never by another kind's.
        { "{ neighborhood(id: \"belarus\", depth: 2, limit: 40) { relationships { from { ... on Country { id } ... on Organization { name } } to { ... on Person { name } ... on Agreement { id name } } } } }", null },
        // A selection with nothing for the value's type: an empty object.
        { "{ entity(id: \"belarus\") { ... on Person { offices { title } } } }", null },
        { "{ shortestPath(from: \"xi-jinping\", to: \"china-belarus-industrial-park\") { length entities { id } steps { direction relationship { id type validTime { start { text precision } end { text } } sources { paragraph } } from { id } to { id name } } } }", null },
        { "{ paths(from: \"china\", to: \"belarus\", maxLength: 3, first: 5) { truncated paths { length entities { id } } } }", null },
        { "{ entity(id: \"china\") { reachable(maxDepth: 2, kinds: [ORGANIZATION, PROJECT], first: 10) { totalCount edges { distance node { id kind } } } } }", null },
        { "{ entity(id: \"belarus\") { timeline { date { text } direction relationship { type } node { id } } } }", null },
        { "query($after: String) { entity(id: \"china\") { timeline(first: 3, after: $after, order: LATEST_FIRST) { cursor date { text } node { id } } } }", """{"after":"dDpjaGluYS1iZWxhcnVzLWRpcGxvbWF0aWMtcmVsYXRpb25z"}""" },
        { "{ entity(id: \"belarus\") { degree relationshipCounts { type count } neighborCounts { kind count } } graphStatistics { entityCount relationshipCount entitiesByKind { kind count } relationshipsByType { type count } componentCount largestComponentSize } }", null },
        { "{ entity(id: \"china\") { relationships(asOf: \"2000-06-01\", direction: OUT) { edges { relationship { id type validTime { start { text } end { text } } } } } } }", null },
        { "{ relationshipTypes { type description count } entityKinds { kind count } }", null },
        { "query($d: Date) { relationships(types: [PARTY_TO, LOCATED_IN], asOf: $d, first: 3) { totalCount edges { cursor node { id type from { id } to { id } } } pageInfo { endCursor hasNextPage hasPreviousPage } } }", """{"d":"2015-06-01"}""" },
        // A reach with each entity's path, a timeline period, a kind's own lists on a date.
        { "{ entity(id: \"xi-jinping\") { reachable(maxDepth: 3, kinds: [PROJECT, AGREEMENT]) { edges { distance node { id } path { length entities { id } steps { direction relationship { id } from { id } to { id } } } } } } }", null },
        { "{ entity(id: \"china\") { timeline(since: \"2013-01-01\", until: \"2015-12-31\", order: LATEST_FIRST) { date { text } relationship { id } } } }", null },
        { "query($d: Date) { entity(id: \"belarus\") { ... on Country { diplomaticPartners(asOf: $d) { id } agreements(asOf: $d) { id } projects(asOf: $d) { id } } } }", """{"d":"2014-06-01"}""" },
        { "{ nodes(ids: [\"china\", \"nobody\", \"china-belarus-diplomatic-relations\"]) { __typename id ... on Relationship { type from { id } properties { key type value } } } }", null },
        // Variables the plans coerce themselves: defaults, enums, dates, a single value for a list,
        // a variable inside a list literal, an argument from a variable under a list of items, and
        // an input object (coerced by the engine's validator, then run by the plan).
        { "query($id: ID = \"belarus\", $depth: Int = 1) { neighborhood(id: $id, depth: $depth, limit: 20) { nodes { distance entity { id } } } }", "{}" },
        { "query($kinds: [EntityKind!], $n: Int) { search(text: \"china\", kinds: $kinds, first: $n) { match entity { id kind } } }", """{"kinds":"ORGANIZATION","n":4}""" },
        { "query($d: Date, $dir: Direction!) { entity(id: \"china\") { relationships(asOf: $d, direction: $dir) { totalCount edges { relationship { id } } } } }", """{"d":"2000-06-01","dir":"OUT"}""" },
        { "query($id: ID!) { nodes(ids: [\"china\", $id]) { id } }", """{"id":"belarus"}""" },
        { "query($n: Int!) { entities(kind: COUNTRY, first: 3) { edges { node { id relationships(first: $n) { edges { node { id } } } } } } }", """{"n":2}""" },
        { "query($f: EntityFilter) { entities(filter: $f, first: 3) { totalCount edges { node { id } } } }", """{"f":{"nameContains":"bel"}}""" },
        { "{ relationship(id: \"china-belarus-diplomatic-relations\") { id type description validTime { start { text precision } } properties { key value } sources { paragraph document { id name } } } }", null },
    };

    [Theory]
    [MemberData(nameof(CompiledQueries))]
    public async Task Compiled_plans_answer_exactly_as_the_engine(string query, string? variables)
    {
        var counter = compiled.Services.GetRequiredService<CompiledExecutor>();
        var engineClient = engineOnly.CreateGraphQLClient();
        var compiledClient = compiled.CreateGraphQLClient();
        var vars = variables is null ? null : JsonNode.Parse(variables);

        var expected = await engineClient.PostAsync(query, vars);
        Assert.Null(expected.Errors);
        // The second request keeps the document and validates it on the engine.
        await compiledClient.PostAsync(query, vars);
        await compiledClient.PostAsync(query, vars);
        var before = counter.CompiledRuns;
        var actual = await compiledClient.PostAsync(query, vars);

        Assert.Equal(before + 1, counter.CompiledRuns);
        Assert.Equal(expected.Status, actual.Status);
        Assert.True(JsonNode.DeepEquals(expected.Body, actual.Body), $"engine: {expected.Body.ToJsonString()}\ncompiled: {actual.Body.ToJsonString()}");
    }

    /// <summary>
    /// Requests that share one plan, running at once while its per-type plans are still being built
    /// (entities of several kinds in one list), each get the engine's answer.
    /// </summary>
    [Fact]
    public async Task Concurrent_requests_sharing_a_new_plan_answer_as_the_engine()
    {
        const string query = "{ entities(first: 40) { edges { node { __typename id ... on Country { isoCode } ... on Person { offices { title } } } } } }";
        var counter = compiled.Services.GetRequiredService<CompiledExecutor>();
        var expected = await engineOnly.CreateGraphQLClient().PostAsync(query);
        Assert.Null(expected.Errors);
        var compiledClient = compiled.CreateGraphQLClient();
        // The second request keeps the document and validates it on the engine.
        await compiledClient.PostAsync(query);
        await compiledClient.PostAsync(query);
        var before = counter.CompiledRuns;

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => compiledClient.PostAsync(query))));

        Assert.Equal(before + answers.Length, counter.CompiledRuns);
        Assert.All(answers, actual => Assert.True(JsonNode.DeepEquals(expected.Body, actual.Body), $"engine: {expected.Body.ToJsonString()}\ncompiled: {actual.Body.ToJsonString()}"));
    }

    /// <summary>What the plans hand back (errors, directives, introspection) still gets the engine's exact answer.</summary>
    [Theory]
    [InlineData("{ neighborhood(id: \"belarus\", depth: 99) { truncated } }", null)]
    [InlineData("query($deep: Boolean!) { entity(id: \"china\") { id name @include(if: $deep) } }", """{"deep":false}""")]
    [InlineData("{ __schema { queryType { name } } entity(id: \"china\") { id } }", null)]
    [InlineData("query($id: ID!) { entity(id: $id) { id } }", """{"id":5}""")]
    [InlineData("query($id: ID!) { entity(id: $id) { id } }", """{}""")]
    [InlineData("query($id: ID!) { entity(id: $id) { id } }", """{"id":null}""")]
    [InlineData("query($id: ID!) { entity(id: $id) { id } }", """{"id":["china","belarus"]}""")]
    [InlineData("query($dir: Direction!) { entity(id: \"china\") { relationships(direction: $dir) { totalCount } } }", """{"dir":"SIDEWAYS"}""")]
    [InlineData("query($depth: Int = 1) { neighborhood(id: \"china\", depth: $depth) { truncated } }", """{"depth":null}""")]
    [InlineData("query($kinds: [EntityKind!]) { search(text: \"china\", kinds: $kinds) { match } }", """{"kinds":["COUNTRY",null]}""")]
    public async Task Requests_the_plans_hand_back_get_the_engine_answer(string query, string? variables)
    {
        var engineClient = engineOnly.CreateGraphQLClient();
        var compiledClient = compiled.CreateGraphQLClient();
        var vars = variables is null ? null : JsonNode.Parse(variables);
        var expected = await engineClient.PostAsync(query, vars);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var actual = await compiledClient.PostAsync(query, vars);
            Assert.Equal(expected.Status, actual.Status);
            Assert.True(JsonNode.DeepEquals(expected.BodyWithoutRequestIds(), actual.BodyWithoutRequestIds()), $"engine: {expected.Body.ToJsonString()}\ncompiled: {actual.Body.ToJsonString()}");
        }
    }

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();

    [Fact]
    public async Task README_examples_answer_the_same_on_both_paths()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(SchemaContractTests.RepositoryRoot(), "README.md"));
        var engineClient = engineOnly.CreateGraphQLClient();
        var compiledClient = compiled.CreateGraphQLClient();
        foreach (Match block in GraphQLBlock().Matches(readme.ReplaceLineEndings("\n")))
        {
            var query = block.Groups[1].Value;
            var expected = await engineClient.PostAsync(query);
            await compiledClient.PostAsync(query);
            var actual = await compiledClient.PostAsync(query);
            Assert.True(JsonNode.DeepEquals(expected.Body, actual.Body), $"{query}\nengine: {expected.Body.ToJsonString()}\ncompiled: {actual.Body.ToJsonString()}");
        }
    }

    public void Dispose()
    {
        engineOnly.Dispose();
        compiled.Dispose();
    }
}

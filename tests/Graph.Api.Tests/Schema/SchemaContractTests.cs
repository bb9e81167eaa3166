using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Schema;

[Collection(SeedGraphTests.Name)]
public sealed class SchemaContractTests(SeedGraphFixture fixture)
{
    /// <summary>
    /// schema.graphql at the repository root is the public contract. Set UPDATE_SCHEMA=1 to rewrite it
    /// from the served schema after a deliberate change, then review the diff.
    /// </summary>
    [Fact]
    public async Task Served_schema_matches_schema_graphql()
    {
        // As the service serves it to code generators (GET /graphql?sdl), printed from the schema it runs.
        var served = await fixture.Client.Http.GetStringAsync("/graphql?sdl");
        var path = Path.Combine(RepositoryRoot(), "schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(path, served);
        Assert.True(File.Exists(path), "schema.graphql is missing at the repository root.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), served);
    }

    [Fact]
    public async Task Every_type_and_field_of_ours_has_a_description()
    {
        var data = await fixture.Client.QueryAsync("""
            { __schema { types { name description kind fields { name description } inputFields { name description } } } }
            """);
        var missing = data["__schema"]!["types"]!.AsArray()
            .Where(t => !t!["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal))
            .Where(t => t!["kind"]!.GetValue<string>() != "SCALAR" || t["name"]!.GetValue<string>() == "Date")
            .SelectMany(t =>
            {
                var name = t!["name"]!.GetValue<string>();
                var fields = (t["fields"]?.AsArray() ?? []).Concat(t["inputFields"]?.AsArray() ?? []);
                var own = string.IsNullOrWhiteSpace(t["description"]?.GetValue<string>()) ? new[] { name } : [];
                return own.Concat(fields.Where(f => string.IsNullOrWhiteSpace(f!["description"]?.GetValue<string>())).Select(f => $"{name}.{f!["name"]}"));
            })
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_type_is_looked_up_by_name_and_a_name_no_type_has_is_null_even_when_empty()
    {
        // GraphQL.NET's own __type failed on an empty name, which the client saw as an INTERNAL error.
        // Asked twice: a document seen before may be answered by its compiled plan.
        for (var time = 0; time < 2; time++)
        {
            var data = await fixture.Client.QueryAsync("""
                query($empty: String!) { country: __type(name: "Country") { name kind } none: __type(name: "Nope") { name } empty: __type(name: "") { name } variable: __type(name: $empty) { name } }
                """, new { empty = "" });
            Assert.Equal(("Country", "OBJECT"), (data["country"]!["name"]!.GetValue<string>(), data["country"]!["kind"]!.GetValue<string>()));
            Assert.Null(data["none"]);
            Assert.Null(data["empty"]);
            Assert.Null(data["variable"]);
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Graph.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Graph.sln not found above the test folder.");
    }
}

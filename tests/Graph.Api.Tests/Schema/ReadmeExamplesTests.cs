using System.Text.RegularExpressions;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Schema;

/// <summary>The example queries in the README run against the seed graph without errors, so the README cannot go stale.</summary>
[Collection(SeedGraphTests.Name)]
public sealed partial class ReadmeExamplesTests(SeedGraphFixture fixture)
{
    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();

    [Fact]
    public async Task Every_README_example_query_answers_with_data()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(SchemaContractTests.RepositoryRoot(), "README.md"));
        var queries = GraphQLBlock().Matches(readme.ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value).ToList();
        Assert.True(queries.Count >= 4, $"Expected at least four example queries, found {queries.Count}.");
        foreach (var query in queries)
        {
            var data = await fixture.Client.QueryAsync(query);
            Assert.NotEmpty(data.AsObject());
            Assert.All(data.AsObject(), field => Assert.NotNull(field.Value));
        }
    }
}

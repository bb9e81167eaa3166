using System.Net;
using Graph.Api.Endpoint;
using Graph.Api.Execution;
using Graph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// The parsed-document cache, with the validation and the compiled plan each kept document carries, is
/// bounded by count and by the length of the texts it keeps, so clients sending many large distinct
/// documents cannot make the service hold their syntax trees and plans without end; and documents it
/// does not keep (too large, or asked for only once) never take the places of those it does.
/// </summary>
public sealed class DocumentCacheTests
{
    [Fact]
    public async Task The_cache_keeps_no_more_text_than_its_budget()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxCachedQueryCharacters", "20000");
        var client = factory.CreateGraphQLClient();
        var cache = factory.Services.GetRequiredService<DocumentCache>();
        for (var i = 0; i < 30; i++)
        {
            // Twice each: a document is kept from its second request.
            var query = BelarusQueries.OfLength(i, 3_000);
            await client.QueryAsync(query);
            var data = await client.QueryAsync(query);
            Assert.Equal("Belarus", data["entity"]!["name"]!.GetValue<string>());
            Assert.True(cache.CachedCharacters <= 20_000, $"{cache.CachedCharacters} characters kept after document {i}");
            Assert.True(cache.Count is > 0 and <= 20_000 / 3_000, $"{cache.Count} documents kept after document {i}");
        }
    }

    [Fact]
    public async Task Documents_too_large_to_keep_do_not_crowd_out_those_kept()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxCachedDocuments", "20");
        var client = factory.CreateGraphQLClient();
        var executor = factory.Services.GetRequiredService<CompiledExecutor>();

        // Forty documents over the 16 KB a kept document may have: valid, answered, and each parsed anew.
        for (var i = 0; i < 40; i++)
        {
            var response = await client.PostAsync($"query Large{i} {{ __typename }} #{new string('x', 17_000)}");
            Assert.Equal(HttpStatusCode.OK, response.Status);
        }

        // A small document is still kept (from its second request) and validated once, and its third request runs on its plan.
        const string Small = "{ entity(id: \"belarus\") { name } }";
        await client.QueryAsync(Small);
        await client.QueryAsync(Small);
        var compiledBefore = executor.CompiledRuns;
        await client.QueryAsync(Small);
        Assert.Equal(compiledBefore + 1, executor.CompiledRuns);
    }

    [Fact]
    public async Task Documents_asked_for_once_are_not_kept_and_do_not_crowd_out_those_reused()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxCachedDocuments", "5");
        var client = factory.CreateGraphQLClient();
        var cache = factory.Services.GetRequiredService<DocumentCache>();
        var executor = factory.Services.GetRequiredService<CompiledExecutor>();
        const string Reused = "query Reused { entity(id: \"belarus\") { name } }";
        for (var i = 0; i < 3; i++) await client.QueryAsync(Reused);
        Assert.Equal(1, cache.Count);

        // Fifty distinct documents, each asked for once (as a client that writes arguments into the text
        // sends them): answered, and none of them kept.
        for (var i = 0; i < 50; i++)
        {
            var data = await client.QueryAsync($"{{ entity(id: \"belarus\") {{ name id{i}: id }} }}");
            Assert.Equal("Belarus", data["entity"]!["name"]!.GetValue<string>());
        }

        Assert.Equal(1, cache.Count);
        var compiledBefore = executor.CompiledRuns;
        await client.QueryAsync(Reused);
        Assert.Equal(compiledBefore + 1, executor.CompiledRuns);
    }

    [Fact]
    public async Task Compiled_plans_do_not_outlive_the_documents_the_cache_let_go()
    {
        using var factory = new GraphApiFactory().With("Graph:Limits:MaxCachedDocuments", "5");
        var client = factory.CreateGraphQLClient();
        var executor = factory.Services.GetRequiredService<CompiledExecutor>();
        for (var i = 0; i < 30; i++)
        {
            // Three times each: the second keeps and validates the document, the third compiles and runs its plan.
            var query = BelarusQueries.OfLength(i, 200);
            await client.QueryAsync(query);
            await client.QueryAsync(query);
            await client.QueryAsync(query);
        }

        Assert.True(executor.CompiledRuns >= 30, $"only {executor.CompiledRuns} answers came from plans");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // Five kept documents' plans, and a little room for a document a finished request may still hold.
        Assert.True(executor.LivePlans <= 8, $"{executor.LivePlans} plans alive for a cache of 5 documents");
    }
}

using System.Net;
using Graph.Api.Schema;
using Graph.Api.Tests.Support;
using GraphQL;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// A fault nobody foresaw, outside any resolver (here the engine itself throws), still gets the
/// error shape of every other failure: 500 with code INTERNAL and the request id, no details, and
/// the details in the log under that id. The service keeps serving.
/// </summary>
public sealed class UnexpectedFaultTests
{
    private const string Secret = "the engine's private detail /work/secret";

    [Fact]
    public async Task A_fault_outside_execution_is_a_500_with_the_error_shape_and_only_the_log_has_details()
    {
        var logs = new LogCapture();
        using var factory = new GraphApiFactory().With("Graph:Execution:Compiled", "false").WithLogs(logs);
        using var faulty = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IDocumentExecuter<GraphSchema>, ThrowingExecuter>()));
        var http = faulty.CreateClient();
        await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        var client = new GraphQLClient(http);

        var response = await client.PostAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("INTERNAL", response.FirstErrorCode);
        Assert.Null(response.Body["data"]);
        var text = response.Body.ToJsonString();
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var requestId = response.Errors![0]!["extensions"]!["requestId"]!.GetValue<string>();
        Assert.Contains(logs.Messages, m => m.Contains(requestId, StringComparison.Ordinal) && m.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.StartsWith("Warning: POST /graphql answered 500", StringComparison.Ordinal) && m.Contains(requestId, StringComparison.Ordinal));

        // Still serving: the next request is answered the same way, and readiness holds.
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.PostAsync("{ __typename }")).Status);
        Assert.True((await http.GetAsync("/health/ready")).IsSuccessStatusCode);
    }

    private sealed class ThrowingExecuter : IDocumentExecuter<GraphSchema>
    {
        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options) => throw new InvalidOperationException(Secret);
    }
}

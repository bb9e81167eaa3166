using Graph.Api.Execution;
using Graph.Api.Index;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace Graph.Api.Endpoint;

internal static class EndpointServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CompiledExecutionOptions>().Bind(configuration.GetSection(CompiledExecutionOptions.Section));
        services.AddOptions<PersistedQueryOptions>().Bind(configuration.GetSection(PersistedQueryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GraphCachingOptions>().Bind(configuration.GetSection(GraphCachingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        // The engine's answers escape strings as the compiled plans' do (JsonText.Encoder), so both write the same bytes.
        services.AddSingleton(provider => new GraphQLSerializer(json => json.Encoder = JsonText.Encoder, provider.GetRequiredService<IErrorInfoProvider>()));
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<PersistedQueries>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddSingleton<SchemaDocument>();
        services.AddSingleton<ExecutionGate>();
        services.AddSingleton<AnswerBudget>();
        services.AddSingleton<CostHeader>();
        services.AddSingleton<CompiledExecutor>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<GraphSchema>()
            .AddGraphTypes(typeof(GraphSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<GraphErrorInfoProvider>()
            // Resolvers read an immutable in-memory snapshot: running fields one after another is faster than scheduling them in parallel.
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .ConfigureSchema(schema => schema.RegisterTypeMapping<DateOnly, DateScalar>()));
        services.AddHostedService<ThreadPoolFloor>();
        services.AddHostedService<SchemaWarmUp>();
        return services;
    }

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], context => SchemaDocument.IsAskedFor(context.Request)
                ? context.RequestServices.GetRequiredService<SchemaDocument>().WriteAsync(context)
                : context.RequestServices.GetRequiredService<GraphQLEndpoint>().HandleAsync(context))
            .RequireCors(HostingExtensions.CorsPolicy);
        // HEAD and TRACE too: left to routing, they got its own 405, whose Allow header named every method
        // mapped here, the refused ones included. (OPTIONS stays with routing, which answers CORS preflights.)
        endpoints.MapMethods(path, [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Head, HttpMethods.Trace], context =>
        {
            context.Response.Headers.Allow = "GET, POST";
            return RequestErrorWriter.WriteAsync(context,
                new RequestError(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Use GET for queries or POST for any operation."),
                ResponseMediaType.Json);
        });
        return endpoints;
    }
}

using Graph.Api.Index;
using GraphQL;

namespace Graph.Api.Schema;

internal static class ResolveContextExtensions
{
    public static GraphIndex Index(this IResolveFieldContext context) => ((GraphUserContext)context.UserContext).Index;

    public static GraphUserContext Graph(this IResolveFieldContext context) => (GraphUserContext)context.UserContext;

    /// <summary>Refuses an argument with a stable code; the message says what would be accepted.</summary>
    public static ExecutionError BadArgument(string code, string message) => new(message) { Code = code };
}

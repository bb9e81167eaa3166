using Graph.Api.Index;
using GraphQL;

namespace Graph.Api.Schema;

internal static class ResolveContextExtensions
{
    public static GraphIndex Index(this IResolveFieldContext context) => ((GraphUserContext)context.UserContext).Index;

    public static GraphUserContext Graph(this IResolveFieldContext context) => (GraphUserContext)context.UserContext;

    /// <summary>Refuses an argument with a stable code; the message says what would be accepted.</summary>
    public static ExecutionError BadArgument(string code, string message) => new(message) { Code = code };

    /// <summary>
    /// An Int argument as the engine coerced it. A plain int is read straight from the argument
    /// values (GetArgument's conversion machinery is a noticeable part of a cheap request); anything
    /// else goes through GetArgument as before.
    /// </summary>
    public static int? IntArgument(this IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var argument) && argument.Value is null or int
            ? (int?)argument.Value
            : context.GetArgument<int?>(name);

    /// <summary>A String argument, read as <see cref="IntArgument"/> reads an Int.</summary>
    public static string? StringArgument(this IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var argument) && argument.Value is null or string
            ? (string?)argument.Value
            : context.GetArgument<string?>(name);
}

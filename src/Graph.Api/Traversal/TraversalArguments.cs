using Graph.Api.Index;
using Graph.Api.Schema;
using GraphQL;

namespace Graph.Api.Traversal;

/// <summary>Reads and checks the arguments traversal fields share.</summary>
internal static class TraversalArguments
{
    /// <summary>
    /// An integer argument within min..cap, refused with TRAVERSAL_LIMIT when outside; the message
    /// names where the cap comes from (a configured limit, or another argument such as maxDepth).
    /// </summary>
    public static int Bounded(this IResolveFieldContext context, string name, int fallback, int cap, int min = 1, string capSource = "the configured cap")
    {
        var value = context.IntArgument(name) ?? fallback;
        if (value < min || value > cap)
        {
            throw ResolveContextExtensions.BadArgument("TRAVERSAL_LIMIT", $"'{name}' must be between {min} and {cap} ({capSource}).");
        }

        return value;
    }

    public static EntityNode RequiredEntity(this IResolveFieldContext context, string name)
    {
        var id = context.GetArgument<string>(name);
        return context.Index().FindEntity(id)
            ?? throw ResolveContextExtensions.BadArgument("NOT_FOUND", $"No entity has the id '{id}' (argument '{name}').");
    }
}

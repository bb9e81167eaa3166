using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL;

namespace Graph.Api.Schema;

/// <summary>A resolver that needs only the parent value, so compiled plans can call it without a resolve context.</summary>
internal interface ISourceReader
{
    object? Read(object? source);
}

/// <summary>
/// Resolves a field from its parent value alone. The engine calls it like any resolver; compiled
/// plans call <see cref="Read"/> directly, which skips the per-field resolve context.
/// </summary>
internal sealed class SourceResolver<TSource, TValue>(Func<TSource, TValue> read) : IFieldResolver, ISourceReader
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));

    public object? Read(object? source) => read((TSource)source!);
}

internal static class SourceResolverExtensions
{
    /// <summary>Like <c>Resolve</c>, for fields computed from the parent value only.</summary>
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<TSource, TReturn?> read)
    {
        field.FieldType.Resolver = new SourceResolver<TSource, TReturn?>(read);
        return field;
    }
}

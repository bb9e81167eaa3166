using Graph.Api.Index;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL;

namespace Graph.Api.Schema;

/// <summary>A resolver that needs only the parent value, so compiled plans can call it without a resolve context.</summary>
internal interface ISourceReader
{
    object? Read(object? source);

    /// <summary>The typed function behind <see cref="Read"/>: a <c>Func&lt;TSource, TValue&gt;</c>.</summary>
    Delegate Function { get; }

    /// <summary>For string fields, optionally the same value's bytes already encoded as JSON text: a <see cref="Utf8Reader{TSource}"/>.</summary>
    Delegate? Encoded { get; }
}

/// <summary>
/// Resolves a field from its parent value alone. The engine calls it like any resolver; compiled
/// plans call <see cref="Read"/> directly, which skips the per-field resolve context.
/// </summary>
internal sealed class SourceResolver<TSource, TValue>(Func<TSource, TValue> read, Utf8Reader<TSource>? encoded = null) : IFieldResolver, ISourceReader
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));

    public object? Read(object? source) => read((TSource)source!);

    public Delegate Function => read;

    public Delegate? Encoded => encoded;
}

/// <summary>A string field's value as its JSON text's bytes (<see cref="JsonText.Utf8"/>).</summary>
/// <remarks>
/// The bytes, not the <see cref="JsonText"/>: the function then opens the text itself, compiled together with the property it
/// reads, where a function returning the text handed back a 16-byte value for the leaf to open with a call of its own. A
/// neighbourhood's answer writes some 3,500 such texts; it took about 9 % less time in one process (bench/HISTORY.md, round 61).
/// </remarks>
internal delegate ReadOnlySpan<byte> Utf8Reader<in TSource>(TSource source);

internal static class SourceResolverExtensions
{
    /// <summary>Like <c>Resolve</c>, for fields computed from the parent value only.</summary>
    /// <remarks>
    /// The function keeps its own return type (a field declared with a graph type alone is typed
    /// <c>object</c>), so compiled plans can write strings, ints and enums without boxing them.
    /// </remarks>
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn, TValue>(this FieldBuilder<TSource, TReturn> field, Func<TSource, TValue> read)
    {
        field.FieldType.Resolver = new SourceResolver<TSource, TValue>(read);
        return field;
    }

    /// <summary>A string field whose value is also kept encoded as JSON text, which compiled plans copy as it is.</summary>
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<TSource, string> read, Utf8Reader<TSource> encoded)
    {
        field.FieldType.Resolver = new SourceResolver<TSource, string>(read, encoded);
        return field;
    }
}

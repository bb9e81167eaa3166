using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>
/// A field's output type unwrapped once at plan time: whether null is allowed, and whether it is a
/// list (of <see cref="Item"/>), a scalar or enum, a concrete object type or an interface or union.
/// </summary>
internal sealed class OutputShape
{
    private OutputShape(bool nonNull, OutputShape? item, ScalarGraphType? scalar, IObjectGraphType? objectType, IAbstractGraphType? abstractType)
    {
        NonNull = nonNull;
        Item = item;
        Scalar = scalar;
        Leaf = scalar is null ? null : LeafWriter.For(scalar);
        Object = objectType;
        Abstract = abstractType;
        ResolveType = abstractType?.ResolveType;
    }

    public bool NonNull { get; }

    public OutputShape? Item { get; }

    public ScalarGraphType? Scalar { get; }

    /// <summary>The fast writer for the scalar's usual values (scalars only).</summary>
    public LeafWriter? Leaf { get; }

    public IObjectGraphType? Object { get; }

    public IAbstractGraphType? Abstract { get; }

    /// <summary>
    /// The interface's or union's own way to its object type, read once here rather than through the
    /// interface for every value: a neighbourhood's answer resolves two entities for each of a thousand
    /// relationships. Null when it has none (each possible type's IsTypeOf is asked instead).
    /// </summary>
    public Func<object, IObjectGraphType?>? ResolveType { get; }

    public bool IsComposite => Object is not null || Abstract is not null;

    public static OutputShape Of(IGraphType type, bool nonNull = false) => type switch
    {
        NonNullGraphType wrapper => Of(wrapper.ResolvedType ?? throw new NotCompilableException("unresolved type"), nonNull: true),
        ListGraphType list => new OutputShape(nonNull, Of(list.ResolvedType ?? throw new NotCompilableException("unresolved type")), null, null, null),
        ScalarGraphType scalar => new OutputShape(nonNull, null, scalar, null, null),
        IObjectGraphType objectType => new OutputShape(nonNull, null, null, objectType, null),
        IAbstractGraphType abstractType => new OutputShape(nonNull, null, null, null, abstractType),
        _ => throw new NotCompilableException($"output type {type.Name}"),
    };

    /// <summary>The innermost shape: the named type under any lists.</summary>
    public OutputShape Named => Item?.Named ?? this;
}

using System.Collections.Concurrent;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Execution;

/// <summary>
/// One response key of a selection: the field's definition and resolver looked up once, its output
/// shape, and (for object results) the selection plans of each concrete type, built on first use so
/// a selection under an interface costs only the types that actually occur.
/// </summary>
internal sealed class FieldPlan
{
    private const int MaxKnownPlans = 16;
    private readonly PlanCompiler? compiler;
    private readonly GraphQLSelectionSet[] childSelections;
    private readonly ConcurrentDictionary<IObjectGraphType, SelectionPlan> childPlans = new(ReferenceEqualityComparer.Instance);
    private (IObjectGraphType Type, SelectionPlan Plan)[] knownPlans = [];
    private readonly SelectionPlan?[] entityPlans = new SelectionPlan?[EntityKindTable.Size];
    private IDictionary<string, ArgumentValue>? literalArguments;

    private FieldPlan(string key, GraphQLField ast, FieldType? definition, OutputShape? shape, GraphQLSelectionSet[] childSelections, PlanCompiler? compiler)
    {
        Key = JsonOutput.PropertyName(key);
        Ast = ast;
        Definition = definition;
        Resolver = definition?.Resolver ?? NameFieldResolver.Instance;
        Reader = Resolver as ISourceReader;
        HasArgumentsInDocument = ast.Arguments is { Count: > 0 };
        ArgumentsUseVariables = ast.Arguments is { } given && given.Items.Any(a => NamesVariable(a.Value));
        DefaultArguments = definition?.Arguments is { Count: > 0 } arguments
            ? arguments.ToDictionary(a => a.Name, a => new ArgumentValue(a.DefaultValue, ArgumentSource.FieldDefault))
            : null;
        Shape = shape;
        Leaf = Reader is not null && shape is not null ? TypedLeaf.For(Reader, shape) : null;
        this.childSelections = childSelections;
        this.compiler = compiler;
    }

    /// <summary>The response key as written: quoted, followed by a colon.</summary>
    public byte[] Key { get; }

    public GraphQLField Ast { get; }

    /// <summary>Null for <c>__typename</c>, which is written from the plan's type.</summary>
    public FieldType? Definition { get; }

    public IFieldResolver Resolver { get; }

    /// <summary>Set when the resolver needs only the parent value: called without a resolve context.</summary>
    public ISourceReader? Reader { get; }

    /// <summary>The engine records argument values only for fields that have arguments in the document.</summary>
    public bool HasArgumentsInDocument { get; }

    /// <summary>Whether an argument's value in the document is, or holds, a variable: then it is worked out per request.</summary>
    public bool ArgumentsUseVariables { get; }

    /// <summary>The arguments a resolver sees when the document gives only literals: the same on every request, so worked out once.</summary>
    public IDictionary<string, ArgumentValue>? LiteralArguments(GraphQLDocument document) =>
        literalArguments ??= ExecutionHelper.GetArguments(Definition!.Arguments, Ast.Arguments, Variables.None, document, Ast, null);

    /// <summary>The arguments a resolver sees when the document gives none: the schema's defaults.</summary>
    public IDictionary<string, ArgumentValue>? DefaultArguments { get; }

    public OutputShape? Shape { get; }

    /// <summary>Set for leaves read from the parent value and written without boxing.</summary>
    public TypedLeaf? Leaf { get; }

    public static FieldPlan TypeName(string key, GraphQLField ast) => new(key, ast, null, null, [], null);

    public static FieldPlan Resolved(string key, GraphQLField ast, FieldType definition, GraphQLSelectionSet[] childSelections, PlanCompiler compiler)
    {
        var shape = OutputShape.Of(definition.ResolvedType ?? throw new NotCompilableException($"field {definition.Name} has no type"));
        return new FieldPlan(key, ast, definition, shape, childSelections, compiler);
    }

    private static bool NamesVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(NamesVariable) ?? false,
        GraphQLObjectValue input => input.Fields?.Any(f => NamesVariable(f.Value)) ?? false,
        _ => false,
    };

    /// <summary>
    /// The plan an entity of this kind took under this interface- or union-typed field, or null until one has. An entity's
    /// object type follows from its kind alone (the Entity interface resolves it by kind, and each kind's IsTypeOf checks
    /// the kind), so once one entity of a kind has been resolved and checked, every other entity of that kind takes the same
    /// plan. A neighbourhood's answer writes some 2,500 entities under such fields, and resolving each one's type again cost
    /// about 6 % of its CPU time over HTTP (bench/HISTORY.md, round 56).
    /// </summary>
    public SelectionPlan? EntityPlan(EntityKind kind) => entityPlans[(int)kind];

    /// <summary>
    /// Keeps the plan an entity of this kind was resolved and checked to. A plain store: the plan is whole before it is
    /// stored, and a request on another thread that does not see it yet resolves the entity's type itself.
    /// </summary>
    public void KeepEntityPlan(EntityKind kind, SelectionPlan plan) => entityPlans[(int)kind] = plan;

    /// <summary>The plans this field's objects have taken so far, in the order they were first taken (a plan's code writes these in place).</summary>
    public IEnumerable<SelectionPlan> KnownPlans => knownPlans.Select(known => known.Plan);

    /// <summary>The plan for the sub-selection when the value is of <paramref name="type"/>.</summary>
    public SelectionPlan PlanFor(IObjectGraphType type)
    {
        // An interface's values come in a handful of types (an entity's kind), often mixed within one list:
        // a short array compared by reference costs less than the dictionary's hash lookup for each value.
        foreach (var (known, plan) in knownPlans)
        {
            if (ReferenceEquals(known, type)) return plan;
        }

        return Remember(type);
    }

    private SelectionPlan Remember(IObjectGraphType type)
    {
        var plan = childPlans.GetOrAdd(type, static (t, self) => self.compiler!.Compile(t, self.childSelections), this);
        // Replaced, never changed in place, so a request reading the array on another thread sees a whole one.
        // Two requests adding at once may lose one entry; it is added again on its next use.
        if (knownPlans.Length < MaxKnownPlans) knownPlans = [.. knownPlans, (type, plan)];
        return plan;
    }
}

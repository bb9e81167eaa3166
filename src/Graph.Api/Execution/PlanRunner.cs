using System.Collections;
using System.Runtime.CompilerServices;
using Graph.Api.Index;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL;
using GraphQLParser.AST;

namespace Graph.Api.Execution;

/// <summary>
/// Runs a compiled plan for one request: calls each field's resolver (the same resolvers the engine
/// calls) and writes the result straight to JSON, with no intermediate result tree. One resolve
/// context per depth is reused, so a lazy list a resolver returned keeps a stable context while its
/// items' fields are resolved one level down.
/// </summary>
internal sealed class PlanRunner(JsonOutput writer, ResolveFieldContext template)
{
    private readonly List<ResolveFieldContext> contexts = [];
    private Dictionary<FieldPlan, IDictionary<string, ArgumentValue>?>? argumentsFromVariables;

    public void WriteObject(object? source, SelectionPlan plan, int depth)
    {
        template.CancellationToken.ThrowIfCancellationRequested();
        WriteFields(source, plan, depth);
        if (template.Errors.Count > 0) throw new FallBackException("a resolver reported an error");
    }

    /// <summary>For a plan's code: the check <see cref="WriteObject"/> makes for each object, made once for a list.</summary>
    public void ThrowIfCancelled() => template.CancellationToken.ThrowIfCancellationRequested();

    /// <summary>An object's fields: by the plan's own code (<see cref="PlanCode"/>) once it has some, else walked.</summary>
    /// <remarks>Taken into its callers: a neighbourhood's relationships each come through here, and a call more cost 2–5 %.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteFields(object? source, SelectionPlan plan, int depth)
    {
        if (plan.Code is { } code) code(this, writer, source, depth);
        else WalkFields(source, plan, depth);
    }

    /// <summary>The plan's fields one by one, the object counted towards the plan's code.</summary>
    private void WalkFields(object? source, SelectionPlan plan, int depth)
    {
        plan.CountRun();
        var fields = plan.Fields;
        var names = plan.Names;
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WriteRaw(names[i]);
            if (fields[i].Leaf is { } leaf) leaf.Write(writer, source);
            else WriteField(source, plan, i, depth);
        }

        writer.WriteRaw(plan.Closing);
    }

    /// <summary>A field that is not a typed leaf: <c>__typename</c>, or a value resolved and then written by its shape.</summary>
    public void WriteField(object? source, SelectionPlan plan, int index, int depth)
    {
        var field = plan.Fields[index];
        if (field.Definition is null)
        {
            writer.WriteStringValue(plan.Type.Name);
            return;
        }

        WriteResult(field.Reader is { } reader ? reader.Read(source) : Resolve(ContextAt(depth), source, plan, field), field, depth);
    }

    /// <summary>A field's resolved value, written by its shape.</summary>
    public void WriteResult(object? value, FieldPlan field, int depth)
    {
        var shape = field.Shape!;
        if (value is null || !shape.IsComposite)
        {
            WriteValue(value, shape, field, depth);
            return;
        }

        // An object of leaves only (a relationship's end, { id }) calls no resolver: there is no error to check after it,
        // and no cancellation worth checking before it.
        var plan = PlanOf(value, shape, field);
        if (plan.AllLeaves) WriteFields(value, plan, depth + 1);
        else WriteObject(value, plan, depth + 1);
    }

    private object? Resolve(ResolveFieldContext context, object? source, SelectionPlan plan, FieldPlan field)
    {
        context.Source = source;
        context.FieldAst = field.Ast;
        context.FieldDefinition = field.Definition!;
        context.ParentType = plan.Type;
        context.Arguments = !field.HasArgumentsInDocument ? field.DefaultArguments
            : field.ArgumentsUseVariables ? ArgumentsFromVariables(field)
            : field.LiteralArguments(template.Document);
        var pending = field.Resolver.ResolveAsync(context);
        if (!pending.IsCompletedSuccessfully) throw new FallBackException("asynchronous resolver");
        var value = pending.Result;
        // Source readers are ours and never return data loaders; other resolvers might.
        return value is IDataLoaderResult ? throw new FallBackException("data loader") : value;
    }

    // Worked out once per request and field: a field under a list is resolved once per item.
    private IDictionary<string, ArgumentValue>? ArgumentsFromVariables(FieldPlan field)
    {
        argumentsFromVariables ??= new(ReferenceEqualityComparer.Instance);
        if (!argumentsFromVariables.TryGetValue(field, out var arguments))
        {
            argumentsFromVariables[field] = arguments = ExecutionHelper.GetArguments(field.Definition!.Arguments, field.Ast.Arguments, template.Variables, template.Document, field.Ast, null);
        }

        return arguments;
    }

    public void WriteValue(object? value, OutputShape shape, FieldPlan field, int depth)
    {
        // Scalars first: they are most values, and a type test against an interface is costly on a string.
        if (value is null)
        {
            if (shape.NonNull) throw new FallBackException("null in a non-null position");
            writer.WriteNullValue();
        }
        else if (shape.Scalar is { } scalar)
        {
            if (!shape.Leaf!.TryWrite(writer, value)) WriteScalar(scalar.Serialize(value));
        }
        else if (shape.Item is { } item)
        {
            if (value is string || value is not IEnumerable items) throw new FallBackException("list expected");
            writer.WriteStartArray();
            // Arrays of objects (what the traversals return) are walked without an enumerator.
            if (items is object[] array)
            {
                for (var i = 0; i < array.Length; i++)
                {
                    if (i > 0) writer.WriteSeparator();
                    WriteValue(array[i], item, field, depth);
                }
            }
            else
            {
                var first = true;
                foreach (var element in items)
                {
                    if (!first) writer.WriteSeparator();
                    first = false;
                    WriteValue(element, item, field, depth);
                }
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteObject(value, PlanOf(value, shape, field), depth + 1);
        }
    }

    /// <summary>The plan for an object value of a composite (not list) shape, its type resolved and checked as the engine would.</summary>
    public SelectionPlan PlanOf(object value, OutputShape shape, FieldPlan field)
    {
        // An entity under an interface-typed field: the plan its kind was resolved to, if one of its kind came first.
        var entity = shape.Object is null ? value as EntityNode : null;
        var plan = entity is null ? null : field.EntityPlan(entity.Kind);
        if (plan is null)
        {
            var type = shape.Object ?? ObjectTypeOf(value, shape) ?? throw new FallBackException("abstract type not resolved");
            plan = field.PlanFor(type);
            if (plan.TypeCheck is { } isTypeOf && !isTypeOf(value)) throw new FallBackException("IsTypeOf refused");
            if (entity is not null) field.KeepEntityPlan(entity.Kind, plan);
        }

        return plan;
    }

    // As the engine resolves it (GetObjectType), with the interface's own resolver taken from the shape.
    private IObjectGraphType? ObjectTypeOf(object value, OutputShape shape) =>
        shape.ResolveType is { } resolve && resolve(value) is { } type and not GraphQLTypeReference
            ? type
            : shape.Abstract!.GetObjectType(value, template.Schema);

    private void WriteScalar(object? serialized)
    {
        switch (serialized)
        {
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case float number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            default: throw new FallBackException($"scalar value {serialized?.GetType().Name ?? "null"}");
        }
    }

    private ResolveFieldContext ContextAt(int depth)
    {
        while (contexts.Count <= depth) contexts.Add(new ResolveFieldContext(template));
        return contexts[depth];
    }

    /// <summary>The parts of a resolve context that stay the same for the whole request.</summary>
    public static ResolveFieldContext Template(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation,
        Variables variables, IDictionary<string, object?> userContext, IServiceProvider services, System.Security.Claims.ClaimsPrincipal? user,
        CancellationToken cancellationToken) => new()
        {
            Schema = schema,
            Document = document,
            Operation = operation,
            Variables = variables,
            UserContext = userContext,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
            Errors = [],
            Metrics = Metrics.None,
            Path = [],
            ResponsePath = [],
            InputExtensions = Inputs.Empty,
            OutputExtensions = new Dictionary<string, object?>(),
        };
}

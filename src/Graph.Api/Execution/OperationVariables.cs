using System.Collections;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Execution;

/// <summary>
/// An operation's variables with their graph types worked out once, coerced per request the way the
/// engine's GetVariablesValuesAsync does it (non-null, lists, a single value for a list, scalars and
/// enums by ParseValue, defaults from the literal). The engine works the types and the positions
/// of the variables out again from the document on every request, which cost a search request a
/// fifth of its time. Anything else (input objects, a value that does not coerce) is the engine's:
/// <see cref="TryCoerce"/> returns null and the caller validates the normal way, errors included.
/// </summary>
internal sealed class OperationVariables
{
    private readonly record struct Definition(string Name, GraphQLVariableDefinition Ast, IGraphType Type);

    private readonly Definition[] definitions;

    private OperationVariables(Definition[] definitions) => this.definitions = definitions;

    /// <summary>The operation's variables, or null when one of them is of a type coerced only by the engine.</summary>
    public static OperationVariables? For(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Variables is not { Count: > 0 } variables) return new OperationVariables([]);

        var usages = Usages(schema, document, operation);
        if (usages is null) return null;
        var definitions = new Definition[variables.Count];
        for (var i = 0; i < definitions.Length; i++)
        {
            var ast = variables.Items[i];
            var type = ast.Type.GraphTypeFromType(schema);
            if (type is null || !Coercible(type)) return null;

            // A nullable variable used where the schema wants a value (allowed when it has a
            // default) must not be null when it is given: the engine coerces it as non-null.
            if (type is not NonNullGraphType && usages.Any(u => u.Node.Name == ast.Variable.Name && u.Type is NonNullGraphType))
            {
                type = new NonNullGraphType(type);
            }

            definitions[i] = new Definition(ast.Variable.Name.StringValue, ast, type);
        }

        return new OperationVariables(definitions);
    }

    // Where each variable is used, and as what type, found by GraphQL.NET's own visitor once per
    // operation. The document has passed validation, so this should not fail; if it ever does, the
    // validator coerces this operation's variables as before instead of the request failing.
#pragma warning disable CA1031
    private static List<VariableUsage>? Usages(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        try
        {
            return new ValidationContext { Schema = schema, Document = document, Operation = operation, TypeInfo = new TypeInfo(schema) }
                .GetRecursiveVariables(operation) ?? [];
        }
        catch (Exception)
        {
            return null;
        }
    }
#pragma warning restore CA1031

    /// <summary>The coerced variables, or null when the values need the engine (to coerce them or to report why not).</summary>
    public Variables? TryCoerce(Inputs? inputs)
    {
        if (definitions.Length == 0) return Variables.None;

        var result = new Variables();
        foreach (var definition in definitions)
        {
            var variable = new Variable(definition.Name, definition.Ast);
            if (inputs is not null && inputs.TryGetValue(definition.Name, out var value))
            {
                if (!TryParse(definition.Type, value, out var parsed)) return null;
                variable.Value = parsed;
            }
            else if (definition.Ast.DefaultValue is { } defaultValue)
            {
                variable.Value = ExecutionHelper.CoerceValue(definition.Type, defaultValue).Value;
                variable.IsDefault = true;
            }
            else if (definition.Type is NonNullGraphType)
            {
                return null;
            }

            result.Add(variable);
        }

        return result;
    }

    private static bool Coercible(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Coercible(nonNull.ResolvedType!),
        ListGraphType list => Coercible(list.ResolvedType!),
        ScalarGraphType => true,
        _ => false,
    };

    private static bool TryParse(IGraphType type, object? value, out object? parsed)
    {
        parsed = null;
        switch (type)
        {
            case NonNullGraphType nonNull:
                return value is not null && TryParse(nonNull.ResolvedType!, value, out parsed);
            case ListGraphType list when value is null:
                return true;
            case ListGraphType list when value is IList items and not IDictionary<string, object?>:
                var parsedItems = new object?[items.Count];
                for (var i = 0; i < parsedItems.Length; i++)
                {
                    if (!TryParse(list.ResolvedType!, items[i], out parsedItems[i])) return false;
                }

                parsed = parsedItems;
                return true;
            case ListGraphType list when value is not IEnumerable || value is string:
                // A single value where a list is expected is a list of one.
                if (!TryParse(list.ResolvedType!, value, out var item)) return false;
                parsed = new[] { item };
                return true;
            case ScalarGraphType scalar:
                return TryParseScalar(scalar, value, out parsed);
            default:
                return false;
        }
    }

#pragma warning disable CA1031 // A scalar that refuses a value throws; the engine then coerces again and reports it.
    private static bool TryParseScalar(ScalarGraphType scalar, object? value, out object? parsed)
    {
        try
        {
            parsed = scalar.ParseValue(value);
            return true;
        }
        catch (Exception)
        {
            parsed = null;
            return false;
        }
    }
#pragma warning restore CA1031
}

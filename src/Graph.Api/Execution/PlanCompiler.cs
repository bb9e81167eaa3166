using GraphQL.Types;
using GraphQLParser.AST;

namespace Graph.Api.Execution;

/// <summary>
/// Builds selection plans for one document: the spec's CollectFields (fragments and inline
/// fragments whose type condition applies, fields merged by response key) done once per concrete
/// type instead of once per value. Anything it does not handle makes it refuse with
/// <see cref="NotCompilableException"/>, and the engine runs that document instead.
/// </summary>
internal sealed class PlanCompiler(ISchema schema, GraphQLDocument document, int codeAfterRuns)
{
    public SelectionPlan Compile(IObjectGraphType type, IReadOnlyList<GraphQLSelectionSet> selectionSets)
    {
        var fields = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        var order = new List<string>();
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in selectionSets) Collect(type, set, fields, order, visitedFragments);

        var plans = new FieldPlan[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var key = order[i];
            var sameKey = fields[key];
            var first = sameKey[0];
            var name = first.Name.StringValue;
            if (name == "__typename")
            {
                plans[i] = FieldPlan.TypeName(key, first);
                continue;
            }

            if (name.StartsWith("__", StringComparison.Ordinal)) throw new NotCompilableException("introspection");
            var definition = type.GetField(name) ?? throw new NotCompilableException($"unknown field {type.Name}.{name}");
            var children = sameKey.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToArray();
            plans[i] = FieldPlan.Resolved(key, first, definition, children, this);
        }

        return new SelectionPlan(type, plans, codeAfterRuns);
    }

    private void Collect(IObjectGraphType type, GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> fields, List<string> order, HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    RefuseDirectives(field.Directives);
                    var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                    if (!fields.TryGetValue(key, out var list))
                    {
                        fields[key] = list = [];
                        order.Add(key);
                    }

                    list.Add(field);
                    break;
                case GraphQLFragmentSpread spread:
                    RefuseDirectives(spread.Directives);
                    var name = spread.FragmentName.Name.StringValue;
                    if (!visitedFragments.Add(name)) break;
                    var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name)
                        ?? throw new NotCompilableException($"unknown fragment {name}");
                    RefuseDirectives(fragment.Directives);
                    if (Applies(type, fragment.TypeCondition)) Collect(type, fragment.SelectionSet, fields, order, visitedFragments);
                    break;
                case GraphQLInlineFragment inline:
                    RefuseDirectives(inline.Directives);
                    if (Applies(type, inline.TypeCondition)) Collect(type, inline.SelectionSet, fields, order, visitedFragments);
                    break;
                default:
                    throw new NotCompilableException(selection.Kind.ToString());
            }
        }
    }

    // @skip and @include depend on variables; the engine evaluates them.
    private static void RefuseDirectives(GraphQLDirectives? directives)
    {
        if (directives is { Count: > 0 }) throw new NotCompilableException("directives");
    }

    private bool Applies(IObjectGraphType type, GraphQLTypeCondition? condition)
    {
        if (condition is null) return true;
        var conditionType = schema.AllTypes[condition.Type.Name.StringValue];
        return conditionType switch
        {
            IObjectGraphType objectType => ReferenceEquals(objectType, type),
            IInterfaceGraphType interfaceType => type.ResolvedInterfaces.Contains(interfaceType),
            UnionGraphType union => union.PossibleTypes.Contains(type),
            _ => false,
        };
    }
}

using System.Globalization;
using GraphQL;
using GraphQLParser.AST;

namespace Graph.Api.Endpoint;

/// <summary>
/// Measures a parsed document: depth, expanded field count, cost, aliases, directives, fragments and use of
/// introspection. Fragments are measured once each (memoised), so 2^40 fan-out through nested
/// fragments is measured in microseconds; a fragment cycle contributes nothing here and is left
/// for validation to reject.
/// <para>
/// Cost: every field costs 1; a field with a <c>first</c> or <c>last</c> (or a neighbourhood's <c>limit</c>)
/// multiplies the cost of what it selects by that number (the page size default when absent), at most
/// by the largest page any field accepts.
/// Traversal fields add a cost per hop they may walk, a search per word of its text, and the graph-wide list of
/// relationships with a filter the cost of reading every relationship (see <see cref="OwnCost"/>).
/// Introspection (<c>__schema</c>, <c>__type</c>) is measured apart, so an IDE's schema query
/// is bounded by its own depth cap and never by cost.
/// </para>
/// </summary>
internal sealed class DocumentAnalyzer(GraphQLDocument document, Inputs? variables, int defaultPageSize, int largestPage)
{
    private const long Saturated = long.MaxValue / 4;

    /// <summary>The cost of one hop a traversal may take, in the units of one resolved field.</summary>
    public const long TraversalStep = 50;

    /// <summary>
    /// The cost of a walk that may read every relationship of the graph: the graph-wide list on a date, whose page reads
    /// relationships until it has kept enough that hold on it. By types and kinds alone it reads only the groups it keeps
    /// (<see cref="Index.RelationshipGroups"/>, round 67), but when a date keeps less than an eighth of many groups'
    /// relationships it passes over the flat arrays, which for a page that kept nothing of a million took 6 ms of CPU
    /// (bench/HISTORY.md, round 66). So it costs what the expensive lane starts at by default and waits there.
    /// </summary>
    public const long GraphScan = 2_000;

    // The parent of the operation's own fields, so that a field of the query root is told from a field of the same name
    // on an entity, also inside fragments (which are measured for the place they are spread at).
    private const string Root = "";
    private readonly Dictionary<string, Measure> fragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> visiting = new(StringComparer.Ordinal);
    private Dictionary<string, GraphQLFragmentDefinition>? definitions;
    private bool usesIntrospection;
    private int introspectionDepth;

    private readonly record struct Measure(int Depth, long Fields, long Cost);

    public DocumentAnalysis Analyze(GraphQLOperationDefinition operation)
    {
        var measure = MeasureSelections(operation.SelectionSet, introspection: false, Root);
        var counter = new WrittenCounter();
        counter.Count(document);
        return new DocumentAnalysis(measure.Depth, measure.Fields, measure.Cost, counter.Aliases, counter.Directives, counter.Fragments, introspectionDepth, usesIntrospection);
    }

    private Measure MeasureSelections(GraphQLSelectionSet? set, bool introspection, string? parent = null)
    {
        if (set is null) return default;
        int depth = 0;
        long fields = 0, cost = 0;
        foreach (var selection in set.Selections)
        {
            var measure = selection switch
            {
                GraphQLField field => MeasureField(field, introspection, parent),
                GraphQLInlineFragment inline => MeasureSelections(inline.SelectionSet, introspection, parent),
                GraphQLFragmentSpread spread => MeasureFragment(spread.FragmentName.Name.StringValue, introspection, parent),
                _ => default,
            };
            depth = Math.Max(depth, measure.Depth);
            fields = Add(fields, measure.Fields);
            cost = Add(cost, measure.Cost);
        }

        return new Measure(depth, fields, cost);
    }

    private Measure MeasureField(GraphQLField field, bool introspection, string? parent)
    {
        var name = field.Name.StringValue;
        if (!introspection && name is "__schema" or "__type")
        {
            usesIntrospection = true;
            var inner = MeasureSelections(field.SelectionSet, introspection: true);
            introspectionDepth = Math.Max(introspectionDepth, inner.Depth + 1);
            // Introspection counts towards the field limit but not towards depth or cost.
            return new Measure(0, Add(1, inner.Fields), 0);
        }

        var children = MeasureSelections(field.SelectionSet, introspection, name);
        // A neighbourhood's own lists are already bounded by its limit; only nested pages multiply again.
        var multiplier = introspection || parent == "neighborhood" ? 1 : Multiplier(field);
        var own = introspection ? 1 : OwnCost(field, parent);
        return new Measure(children.Depth + 1, Add(1, children.Fields), Add(own, Multiply(multiplier, children.Cost)));
    }

    private Measure MeasureFragment(string name, bool introspection, string? parent)
    {
        var key = (introspection ? "?" : "") + name + "@" + parent;
        if (fragments.TryGetValue(key, out var known)) return known;
        if (!visiting.Add(key)) return default;
        var definition = FragmentDefinitions().GetValueOrDefault(name);
        var measure = MeasureSelections(definition?.SelectionSet, introspection, parent);
        visiting.Remove(key);
        fragments[key] = measure;
        return measure;
    }

    // Looked up by name once: searching the definitions for each spread made a document of a thousand
    // chained fragments take 45 ms to measure before the fragment limit could refuse it.
    private Dictionary<string, GraphQLFragmentDefinition> FragmentDefinitions()
    {
        if (definitions is not null) return definitions;
        definitions = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // The first of two fragments with one name, as before; validation refuses the document anyway.
            definitions.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        return definitions;
    }

    private long Multiplier(GraphQLField field)
    {
        var argument = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue is "first" or "last" or "limit" or "ids");
        if (argument is null)
        {
            // List fields without a page size: a neighbourhood defaults to 200 entities, others to one page.
            return field.Name.StringValue == "neighborhood" ? 200 : field.SelectionSet is null ? 1 : ConnectionDefault(field);
        }

        // Sizes past the largest page are refused by the field itself with a precise code; cost them at the cap.
        return Math.Min(largestPage, argument.Value switch
        {
            GraphQLIntValue literal when long.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => Math.Max(n, 1),
            GraphQLListValue list => Math.Max(list.Values?.Count ?? 1, 1),
            GraphQLVariable variable when variables is not null && variables.TryGetValue(variable.Name.StringValue, out var value) => VariableNumber(value),
            _ => defaultPageSize,
        });
    }

    /// <summary>
    /// What a field costs by itself: 1, and more where its own work grows with its arguments. A traversal costs
    /// <see cref="TraversalStep"/> per hop of depth, maxDepth or maxLength (their defaults when absent), a search as much
    /// per word of its text, and the graph-wide list of relationships on a date <see cref="GraphScan"/>.
    /// </summary>
    private long OwnCost(GraphQLField field, string? parent)
    {
        if (field.Name.StringValue == "search") return 1 + TraversalStep * SearchWords(field);
        if (field.Name.StringValue == "relationships" && parent == Root && IsDated(field)) return 1 + GraphScan;
        var (argument, fallback) = field.Name.StringValue switch
        {
            "neighborhood" => ("depth", 1),
            "reachable" => ("maxDepth", 2),
            "shortestPath" => ("maxLength", 6),
            "paths" => ("maxLength", 4),
            _ => ("", 0),
        };
        if (fallback == 0) return 1;
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument)?.Value;
        var hops = value switch
        {
            GraphQLIntValue literal when long.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => Math.Clamp(n, 1, 100),
            GraphQLVariable variable when variables is not null && variables.TryGetValue(variable.Name.StringValue, out var v) => Math.Min(VariableNumber(v), 100),
            _ => fallback,
        };
        return 1 + TraversalStep * hops;
    }

    // Whether the graph-wide list is asked for the relationships holding on a date: a null, or a variable given none, is no date.
    private bool IsDated(GraphQLField field) =>
        field.Arguments?.Items.Any(a => a.Name.StringValue == "asOf" && a.Value switch
        {
            GraphQLNullValue => false,
            GraphQLVariable variable => variables is not null && variables.TryGetValue(variable.Name.StringValue, out var given) && given is not null,
            _ => true,
        }) == true;

    /// <summary>
    /// How many words a search's text has (one when it is not known before the search runs). Each word is looked up
    /// apart, and when no name holds the text, each may be matched by its slips: a text of twenty common words costs
    /// about twice a neighbourhood's answer (bench/HISTORY.md, round 66), so several of them in one document are sent to
    /// the expensive lane. A text is at most 200 characters, so at most 100 words.
    /// </summary>
    private long SearchWords(GraphQLField field)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "text")?.Value;
        var text = value switch
        {
            GraphQLStringValue literal => literal.Value.Span,
            GraphQLVariable variable when variables is not null && variables.TryGetValue(variable.Name.StringValue, out var v) && v is string given => given.AsSpan(),
            _ => [],
        };
        var words = 0;
        foreach (var range in text.SplitAny(" \t\r\n"))
        {
            if (!text[range].IsEmpty) words++;
        }

        return Math.Clamp(words, 1, 100);
    }

    // Pages without `first` hold the default page size. The lists each kind adds (partners, participants,
    // parties, offices, ...) are not paged and their length is known only when they run: they are costed as a
    // page too, so nesting them costs as nesting pages does, and a request budget bounds them at run time.
    private long ConnectionDefault(GraphQLField field) =>
        field.Name.StringValue is "relationships" or "entities" or "reachable" or "supports" or "search" or "timeline"
            or "diplomaticPartners" or "agreements" or "projects" or "offices" or "events" or "participants" or "parties"
            or "establishes" or "focus" or "partOf" or "investors"
            ? defaultPageSize : 1;

    private long VariableNumber(object? value) => value switch
    {
        int i => Math.Max(i, 1),
        long l when l <= int.MaxValue => Math.Max(l, 1),
        double d when d >= 1 && d < Saturated => (long)d,
        System.Collections.ICollection c => Math.Max(c.Count, 1),
        _ => defaultPageSize,
    };

    private static long Add(long a, long b) => Math.Min(a + b, Saturated);

    private static long Multiply(long a, long b) => a != 0 && b > Saturated / a ? Saturated : Math.Min(a * b, Saturated);

    /// <summary>Counts aliases and directives as written in the whole document.</summary>
    private sealed class WrittenCounter
    {
        public int Aliases { get; private set; }
        public int Directives { get; private set; }
        public int Fragments { get; private set; }

        public void Count(GraphQLDocument document)
        {
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case GraphQLOperationDefinition operation:
                        Directives += operation.Directives?.Count ?? 0;
                        Count(operation.SelectionSet);
                        break;
                    case GraphQLFragmentDefinition fragment:
                        Directives += fragment.Directives?.Count ?? 0;
                        Count(fragment.SelectionSet);
                        break;
                }
            }
        }

        private void Count(GraphQLSelectionSet? set)
        {
            if (set is null) return;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (field.Alias is not null) Aliases++;
                        Directives += field.Directives?.Count ?? 0;
                        Count(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        Fragments++;
                        Directives += inline.Directives?.Count ?? 0;
                        Count(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        Fragments++;
                        Directives += spread.Directives?.Count ?? 0;
                        break;
                }
            }
        }
    }
}

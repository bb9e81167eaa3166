using GraphQL;
using GraphQLParser.AST;

namespace Graph.Api.Endpoint;

/// <summary>Refuses documents that ask for too much, before validation or execution spends anything on them.</summary>
internal static class DocumentLimits
{
    /// <summary>
    /// Measures the operation that will run (every operation, when which one is unclear) and checks the
    /// limits; returns its cost and its number of fields (the largest, over several operations), and the
    /// document's number of fragments.
    /// </summary>
    public static (long Cost, long Fields, int Fragments) Check(GraphQLDocument document, GraphQLOperationDefinition? selected, Inputs? variables, LimitsOptions limits)
    {
        var largestPage = Math.Max(limits.MaxPageSize, Math.Max(limits.MaxNeighborhoodNodes, limits.MaxPaths));
        var analyzer = new DocumentAnalyzer(document, variables, limits.DefaultPageSize, largestPage);
        (long Cost, long Fields, int Fragments) measure = (0, 0, 0);
        foreach (var operation in selected is null ? document.Definitions.OfType<GraphQLOperationDefinition>() : [selected])
        {
            var analysis = analyzer.Analyze(operation);
            Enforce(analysis, limits);
            measure = (Math.Max(measure.Cost, analysis.Cost), Math.Max(measure.Fields, analysis.Fields), analysis.Fragments);
        }

        return measure;
    }

    private static void Enforce(DocumentAnalysis analysis, LimitsOptions limits)
    {
        if (analysis.UsesIntrospection && !limits.Introspection)
            throw Refused("INTROSPECTION_DISABLED", "Introspection (__schema, __type) is turned off on this service.");
        if (analysis.Aliases > limits.MaxAliases)
            throw Refused("TOO_MANY_ALIASES", $"The document uses {analysis.Aliases} aliases; the limit is {limits.MaxAliases}.");
        if (analysis.Directives > limits.MaxDirectives)
            throw Refused("TOO_MANY_DIRECTIVES", $"The document uses {analysis.Directives} directives; the limit is {limits.MaxDirectives}.");
        // GraphQL.NET's validation compares fragments with one another, and its time grows much faster than
        // their number: 100 of two fields each took 57-74 ms, 200 took 366-458 ms.
        if (analysis.Fragments > limits.MaxFragments)
            throw Refused("TOO_MANY_FRAGMENTS", $"The document has {analysis.Fragments} fragment spreads and inline fragments; the limit is {limits.MaxFragments}.");
        if (analysis.Depth > limits.MaxDepth)
            throw Refused("QUERY_TOO_DEEP", $"The query nests {analysis.Depth} levels deep; the limit is {limits.MaxDepth}.");
        if (analysis.IntrospectionDepth > limits.MaxIntrospectionDepth)
            throw Refused("QUERY_TOO_DEEP", $"The introspection query nests {analysis.IntrospectionDepth} levels deep; the limit is {limits.MaxIntrospectionDepth}.");
        if (analysis.Fields > limits.MaxFields)
            throw Refused("TOO_MANY_FIELDS", $"The operation selects {Readable(analysis.Fields)} fields with fragments expanded; the limit is {Readable(limits.MaxFields)}.");
        if (analysis.Cost > limits.MaxCost)
        {
            throw new RequestError(StatusCodes.Status400BadRequest, "COST_LIMIT",
                $"The operation would cost {Readable(analysis.Cost)}; the limit is {Readable(limits.MaxCost)}. Ask for smaller pages or fewer nested lists.")
            {
                Headers = new Dictionary<string, string> { [CostHeader.Name] = CostHeader.Value(analysis.Cost, limits.MaxCost) },
            };
        }
    }

    private static string Readable(long value) => value >= long.MaxValue / 4 ? "more than 10^18" : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static RequestError Refused(string code, string message) => RequestError.BadRequest(code, message);
}

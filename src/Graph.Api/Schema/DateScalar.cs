using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>A calendar date, YYYY-MM-DD, used by <c>asOf</c> arguments.</summary>
internal sealed class DateScalar : DateOnlyGraphType
{
    /// <summary>
    /// How a Date is written, added to the engine's refusal of one (<see cref="Endpoint.GraphErrorInfoProvider"/>),
    /// which names the type but not its form. The likeliest slip is a bare year: the graph's own facts are dated by year or month.
    /// </summary>
    public const string Form = "A Date is one day, written YYYY-MM-DD (for example 2014-01-22); a fact dated only by its year or month holds on every day of it.";

    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date in ISO 8601 form, YYYY-MM-DD.";
    }
}

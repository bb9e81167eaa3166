using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>A calendar date, YYYY-MM-DD, used by <c>asOf</c> arguments.</summary>
internal sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date in ISO 8601 form, YYYY-MM-DD.";
    }
}

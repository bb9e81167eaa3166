using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal sealed class PartialDateType : ObjectGraphType<PartialDate>
{
    public PartialDateType()
    {
        Name = "PartialDate";
        Description = "A date known to the day, month or year, as the sources give it.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The date as given: YYYY, YYYY-MM or YYYY-MM-DD.").ResolveSource(s => s.Text);
        Field<NonNullGraphType<DatePrecisionType>>("precision").Description("How much of the date is known.").ResolveSource(s => s.Precision);
        Field<NonNullGraphType<DateScalar>>("earliest").Description("The first day the date can mean (1 January for a bare year).").ResolveSource(s => s.Earliest);
        Field<NonNullGraphType<DateScalar>>("latest").Description("The last day the date can mean (31 December for a bare year).").ResolveSource(s => s.Latest);
    }
}

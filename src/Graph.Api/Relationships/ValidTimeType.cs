using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;
using GraphQL;

namespace Graph.Api.Relationships;

internal sealed class ValidTimeType : ObjectGraphType<ValidTime>
{
    public ValidTimeType()
    {
        Name = "ValidTime";
        Description = "When a fact holds. No start: held since before the sources say. No end: still holds. Start equal to end: a point in time.";
        Field<PartialDateType>("start").Description("When it began to hold, if known.").ResolveSource(s => s.Start);
        Field<PartialDateType>("end").Description("When it stopped holding; null while it still holds.").ResolveSource(s => s.End);
        Field<NonNullGraphType<BooleanGraphType>>("pointInTime").Description("True when the fact is a single dated occurrence (a signing, a visit).").ResolveSource(s => s.IsPointInTime);
        Field<NonNullGraphType<BooleanGraphType>>("holdsOn")
            .Description("Whether the fact holds on the date, respecting precision: a fact dated 2013 holds on every day of 2013.")
            .Argument<NonNullGraphType<DateScalar>>("date", "The day to check.")
            .Resolve(c => c.Source.HoldsOn(c.GetArgument<DateOnly>("date")));
    }
}

using Graph.Api.Entities;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Traversal;

internal sealed class TimelineEntryType : ObjectGraphType<Index.Adjacent>
{
    /// <summary>The prefix of a timeline entry's cursor, which names its relationship.</summary>
    public const string CursorPrefix = "t";

    public TimelineEntryType()
    {
        Name = "TimelineEntry";
        Description = "A dated relationship of an entity, in date order.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as the timeline's 'after' to continue after this entry.")
            .ResolveSource(s => Paging.Cursor.Encode(CursorPrefix, s.Relationship.Id));
        Field<NonNullGraphType<PartialDateType>>("date").Description("The date it sorts by: its start, or its end when only that is known.").ResolveSource(s => s.Relationship.ValidTime.SortKey);
        Field<NonNullGraphType<RelationshipGraphType>>("relationship").Description("The relationship.").ResolveSource(s => s.Relationship);
        Field<NonNullGraphType<EntityInterface>>("node").Description("The entity at the other end.").ResolveSource(s => s.Other);
        Field<NonNullGraphType<DirectionType>>("direction").Description("OUT when it starts at this entity, IN when it ends here.").ResolveSource(s => s.Direction);
    }
}

internal sealed class TimelineOrderType : EnumerationGraphType<TimelineOrder>
{
    public TimelineOrderType()
    {
        Name = "TimelineOrder";
        Description = "Which end of a timeline comes first.";
        Values["EARLIEST_FIRST"]!.Description = "By the first day each date may mean, then the last, then relationship id.";
        Values["LATEST_FIRST"]!.Description = "The same order reversed: the most recent first.";
    }
}

using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Relationships;
using Graph.Api.Schema;
using GraphQL.Types;
using GraphQL;
using static Graph.Api.Model.RelationshipType;

namespace Graph.Api.Entities;

using EntityList = NonNullGraphType<ListGraphType<NonNullGraphType<EntityInterface>>>;

internal sealed class CountryType : EntityObjectType
{
    public CountryType() : base(EntityKind.Country, "A sovereign state.")
    {
        Field<StringGraphType>("isoCode").Description("ISO 3166-1 alpha-2 code, e.g. CN.").ResolveSource(s => s.PropertyText("isoCode"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountryType>>>>("diplomaticPartners").Description("Countries it has diplomatic relations with.").WithAsOf().Resolve(c => c.Related(DiplomaticRelations, Direction.Both));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementType>>>>("agreements").Description("Agreements it is a party to.").WithAsOf().Resolve(c => c.Related(PartyTo, Direction.Out));
        Field<EntityList>("projects").Description("Projects and programmes it takes part in.").WithAsOf().Resolve(c => c.Related(ParticipatesIn, Direction.Out, EntityKind.Project, EntityKind.Topic));
    }
}

internal sealed class PersonType : EntityObjectType
{
    public PersonType() : base(EntityKind.Person, "A named individual, with the offices they hold.")
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfficeType>>>>("offices").Description("Offices held, optionally only those held on a date.")
            .Argument<DateScalar>("asOf", "Only offices held on this date.")
            .Resolve(c => c.Counted(c.Index().Adjacents(c.Source, Direction.Out, new RelationshipFilter(new HashSet<RelationshipType> { HoldsOffice }, AsOf: c.GetArgument<DateOnly?>("asOf"))).Select(a => a.Relationship)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventType>>>>("events").Description("Events the person took part in.").WithAsOf().Resolve(c => c.Related(ParticipatesIn, Direction.Out, EntityKind.Event));
    }
}

internal sealed class OrganizationType : EntityObjectType
{
    public OrganizationType() : base(EntityKind.Organization, "A company, body, institution or agency.")
    {
        Field<EntityInterface>("location").Description("Where it is based.").WithAsOf().Resolve(c => c.Related(LocatedIn, Direction.Out).FirstOrDefault());
        Field<EntityList>("participants").Description("Who takes part in it.").WithAsOf().Resolve(c => c.Related(ParticipatesIn, Direction.In));
    }
}

internal sealed class AgreementType : EntityObjectType
{
    public AgreementType() : base(EntityKind.Agreement, "A treaty, declaration or other signed accord.")
    {
        Field<EntityList>("parties").Description("Who signed it or is bound by it.").WithAsOf().Resolve(c => c.Related(PartyTo, Direction.In));
        Field<PartialDateType>("signedOn").Description("When it was signed or adopted, to the precision known.").ResolveSource(s => s.Entity.ValidTime.Start);
        Field<EntityList>("establishes").Description("What it created: partnerships, bodies, projects.").WithAsOf().Resolve(c => c.Related(Establishes, Direction.Out));
    }
}

internal sealed class ProjectType : EntityObjectType
{
    public ProjectType() : base(EntityKind.Project, "A joint undertaking, such as an industrial park.")
    {
        Field<EntityList>("participants").Description("Countries, organizations and people taking part.").WithAsOf().Resolve(c => c.Related(ParticipatesIn, Direction.In));
        Field<EntityInterface>("location").Description("Where it is.").WithAsOf().Resolve(c => c.Related(LocatedIn, Direction.Out).FirstOrDefault());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("focus").Description("Sectors or aims it is directed at.").WithAsOf().Resolve(c => c.Related(FocusesOn, Direction.Out));
        Field<EntityList>("partOf").Description("Frameworks it is carried out under.").WithAsOf().Resolve(c => c.Related(PartOf, Direction.Out));
        Field<EntityList>("investors").Description("Who invests in it.").WithAsOf().Resolve(c => c.Related(Invests, Direction.In));
    }
}

internal sealed class EventType : EntityObjectType
{
    public EventType() : base(EntityKind.Event, "Something that happened at a time and place, such as a state visit.")
    {
        Field<PartialDateType>("date").Description("When it happened, to the precision known.").ResolveSource(s => s.Entity.ValidTime.Start);
        Field<EntityInterface>("place").Description("Where it happened.").WithAsOf().Resolve(c => c.Related(LocatedIn, Direction.Out).FirstOrDefault());
        Field<EntityList>("participants").Description("Who took part.").WithAsOf().Resolve(c => c.Related(ParticipatesIn, Direction.In));
    }
}

internal sealed class TopicType : EntityObjectType
{
    public TopicType() : base(EntityKind.Topic, "A sector, programme or issue that relationships are about.")
    {
        Field<StringGraphType>("category").Description("SECTOR, PROGRAMME or ISSUE.").ResolveSource(s => s.PropertyText("category"));
        Field<EntityList>("participants").Description("Who takes part in it or cooperates in it.")
            .WithAsOf().Resolve(c => c.Related(ParticipatesIn, Direction.In).Concat(c.Related(CooperatesIn, Direction.In)).Distinct());
        Field<EntityList>("parts").Description("What is part of it or carried out under it.").WithAsOf().Resolve(c => c.Related(PartOf, Direction.In));
    }
}

internal sealed class PlaceType : EntityObjectType
{
    public PlaceType() : base(EntityKind.Place, "A region, city or territory that is not a country.")
    {
        Field<EntityInterface>("containedIn").Description("The country or larger place it lies in.").WithAsOf().Resolve(c => c.Related(LocatedIn, Direction.Out).FirstOrDefault());
    }
}

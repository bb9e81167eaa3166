using Graph.Api.Entities;
using GraphQL;
using GraphQL.Resolvers;

namespace Graph.Api.Schema;

/// <summary>The served schema. Its printed form is checked in as schema.graphql; a test fails when they differ.</summary>
internal sealed class GraphSchema : GraphQL.Types.Schema
{
    public GraphSchema(IServiceProvider services, QueryType query) : base(services)
    {
        Description = "Graph: a knowledge graph of entities and their typed, dated and sourced relationships.";
        Query = query;
        // IDEs ask for isRepeatable in their schema query. Deprecated input values stay off: with them on,
        // Banana Cake Pop asks for __Directive.args(includeDeprecated:), which GraphQL.NET does not have.
        Features.RepeatableDirectives = true;
        // Kinds are reached only through the Entity interface, so they must be registered by name.
        RegisterType(typeof(CountryType));
        RegisterType(typeof(PersonType));
        RegisterType(typeof(OrganizationType));
        RegisterType(typeof(AgreementType));
        RegisterType(typeof(ProjectType));
        RegisterType(typeof(EventType));
        RegisterType(typeof(TopicType));
        RegisterType(typeof(PlaceType));
        RegisterType(typeof(DocumentType));
        RegisterType(typeof(Relationships.RelationshipGraphType));
    }

    // Runs once, while the schema is initialized, once its types (and the meta-fields) exist.
    protected override void Validate()
    {
        base.Validate();
        // GraphQL.NET's __type looks an empty name up with an indexer that throws, and the client saw INTERNAL;
        // an empty name is a name no type has, and the spec answers null for those.
        TypeMetaFieldType.Resolver = new FuncFieldResolver<object?>(
            context => context.GetArgument<string>("name") is { Length: > 0 } name ? context.Schema.AllTypes[name] : null);
    }
}

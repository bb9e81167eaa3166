using Graph.Api.Entities;
using Graph.Api.Relationships;
using Graph.Api.Search;
using Graph.Api.Traversal;
using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>The root query type, assembled from the capability slices.</summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Read the knowledge graph: look up, list, search and follow relationships.";
        this.AddEntityQueries();
        this.AddSearchQueries();
        this.AddRelationshipQueries();
        this.AddTraversalQueries();
    }
}

using System.ComponentModel;

namespace Graph.Api.Model;

/// <summary>What an entity is. Each kind is its own GraphQL object type.</summary>
public enum EntityKind
{
    [Description("A sovereign state.")]
    Country,
    [Description("A named individual.")]
    Person,
    [Description("A company, body, institution or agency.")]
    Organization,
    [Description("A treaty, declaration or other signed accord.")]
    Agreement,
    [Description("A joint undertaking such as an industrial park or a build.")]
    Project,
    [Description("Something that happened at a time and place, such as a visit.")]
    Event,
    [Description("A sector, programme or issue that relationships are about.")]
    Topic,
    [Description("A region, city or territory that is not a country.")]
    Place,
    [Description("A source document that facts in the graph cite.")]
    Document,
}

/// <summary>Tables indexed by an entity kind's number (a type or a plan for each kind).</summary>
internal static class EntityKindTable
{
    /// <summary>How many slots such a table needs: the highest kind's number, plus one.</summary>
    public static readonly int Size = Enum.GetValues<EntityKind>().Max(kind => (int)kind) + 1;
}

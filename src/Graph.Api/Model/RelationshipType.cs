namespace Graph.Api.Model;

/// <summary>The closed vocabulary of relationship types; <see cref="RelationshipVocabulary"/> describes each.</summary>
public enum RelationshipType
{
    DiplomaticRelations,
    PartyTo,
    Establishes,
    CooperatesIn,
    ParticipatesIn,
    LocatedIn,
    FocusesOn,
    PartOf,
    Invests,
    GatewayTo,
    SeeksCooperation,
    HoldsOffice,
    CriticizedFor,
}

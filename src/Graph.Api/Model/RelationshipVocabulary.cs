using System.Runtime.CompilerServices;
using static Graph.Api.Model.EntityKind;

namespace Graph.Api.Model;

/// <summary>
/// The meaning of every relationship type and the kinds it may join. Imports are checked against it,
/// so a relationship never joins kinds its type does not allow.
/// </summary>
public static class RelationshipVocabulary
{
    private static readonly EntityKind[] Actors = [Country, Organization, Person];

    public static IReadOnlyList<RelationshipTypeInfo> All { get; } =
    [
        new(RelationshipType.DiplomaticRelations, "The two countries maintain formal diplomatic relations.", true, [Country], [Country]),
        new(RelationshipType.PartyTo, "The actor signed, or is bound by, the agreement.", false, Actors, [Agreement]),
        new(RelationshipType.Establishes, "The agreement creates or formalises the target (a partnership, body or project).", false, [Agreement], [Topic, Organization, Project]),
        new(RelationshipType.CooperatesIn, "The actor cooperates with partners in the sector or field.", false, Actors, [Topic]),
        new(RelationshipType.ParticipatesIn, "The actor takes part in the project, event or programme.", false, Actors, [Project, Event, Topic]),
        new(RelationshipType.LocatedIn, "The source is situated in, took place in, or concerns the target place.", false, [Project, Organization, Event, Place, Topic], [Country, Place]),
        new(RelationshipType.FocusesOn, "The project, organisation or programme is aimed at the topic.", false, [Project, Organization, Topic], [Topic]),
        new(RelationshipType.PartOf, "The source is a component of, or is carried out under, the target.", false, [Project, Topic, Event, Organization], [Topic, Project, Agreement, Organization]),
        new(RelationshipType.Invests, "The actor invests money in the target; amount and currency are properties.", false, Actors, [Country, Project, Organization]),
        new(RelationshipType.GatewayTo, "The source serves, or is regarded as, an entry point into the target market or region.", false, [Country, Place, Project], [Place, Country]),
        new(RelationshipType.SeeksCooperation, "The actor has said it wants to expand cooperation with the target.", false, Actors, [Country, Organization]),
        new(RelationshipType.HoldsOffice, "The person holds an office of the country or organisation; the title is a property.", false, [Person], [Country, Organization]),
        new(RelationshipType.CriticizedFor, "The actor has been criticised or accused over the issue; who criticised is a property.", false, Actors, [Topic]),
    ];

    private static readonly Dictionary<RelationshipType, RelationshipTypeInfo> ByType = All.ToDictionary(i => i.Type);

    // Each type's kinds as two bit sets, and whether it is symmetric, by the type's number: an import asks for
    // every relationship (a million at a large seed's start), where a dictionary lookup and two list scans took 0.15 s of CPU.
    private static readonly (uint From, uint To, bool Symmetric)[] ByNumber = Numbered();

    public static RelationshipTypeInfo Describe(RelationshipType type) => ByType[type];

    /// <summary>Whether A to B states the same as B to A for this type.</summary>
    public static bool IsSymmetric(RelationshipType type) => (uint)type < (uint)ByNumber.Length && ByNumber[(int)type].Symmetric;

    [MethodImpl(LoadingCode.Optimised)]
    public static bool Allows(RelationshipType type, EntityKind from, EntityKind to) =>
        (uint)type < (uint)ByNumber.Length && ByNumber[(int)type] is var (fromKinds, toKinds, _)
        && (fromKinds & Bit(from)) != 0 && (toKinds & Bit(to)) != 0;

    private static uint Bit(EntityKind kind) => (uint)kind < 32 ? 1u << (int)kind : 0;

    private static (uint From, uint To, bool Symmetric)[] Numbered()
    {
        var byNumber = new (uint From, uint To, bool Symmetric)[All.Max(i => (int)i.Type) + 1];
        foreach (var info in All)
        {
            byNumber[(int)info.Type] = (info.FromKinds.Aggregate(0u, (set, kind) => set | Bit(kind)), info.ToKinds.Aggregate(0u, (set, kind) => set | Bit(kind)), info.Symmetric);
        }

        return byNumber;
    }
}

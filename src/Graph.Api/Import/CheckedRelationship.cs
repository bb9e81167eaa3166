using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>What checking one relationship of an import on its own found, before the checks that compare it with earlier rows.</summary>
internal struct CheckedRelationship
{
    /// <summary>The row's id when it is well formed and neither stored nor an entity's; an earlier row may still have it.</summary>
    public string? NewId;

    /// <summary>A hash of <see cref="NewId"/>, which says which share of the rows checks it for reuse.</summary>
    public int IdHash;

    /// <summary>The row's type, ends and date texts as numbers; two rows with equal keys are the same relationship.</summary>
    public (RelationshipType Type, int From, int To, int ValidFrom, int ValidTo) Key;

    /// <summary>The numbers of the row's start and end entities (<see cref="ImportChecks.End.Number"/>), when its <see cref="Record"/> is made.</summary>
    public (int From, int To) Ends;

    /// <summary>The row as stored, when its id, type and ends are good (its other faults are in <see cref="Errors"/>).</summary>
    public RelationshipRecord? Record;

    /// <summary>What is wrong with the row on its own, in the order it was checked; null when nothing is.</summary>
    public ImportError[]? Errors;
}

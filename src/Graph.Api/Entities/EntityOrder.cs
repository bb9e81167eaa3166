namespace Graph.Api.Entities;

/// <summary>The orders a page of entities may be taken in.</summary>
public enum EntityOrder
{
    /// <summary>By id, as the ids sort (ordinal).</summary>
    Id,

    /// <summary>By name, ignoring case, accents and punctuation, A to Z; names alike by id.</summary>
    Name,

    /// <summary>Most relationships first (in either direction); equal degrees by id.</summary>
    Degree,
}

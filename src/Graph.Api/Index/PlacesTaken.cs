namespace Graph.Api.Index;

/// <summary>
/// Which of the places 0 to count − 1 an order has taken so far, a bit each: for the one-pass checks that an order a
/// seed snapshot kept takes every place once (the rows' ordinals, the search's names and suffixes).
/// </summary>
internal sealed class PlacesTaken(int count)
{
    private readonly ulong[] taken = new ulong[(count + 63) / 64];

    /// <summary>Takes the place; false when it is out of range or already taken.</summary>
    public bool TakeOnce(int place)
    {
        if ((uint)place >= (uint)count || (taken[place >> 6] & 1UL << place) != 0) return false;
        taken[place >> 6] |= 1UL << place;
        return true;
    }
}

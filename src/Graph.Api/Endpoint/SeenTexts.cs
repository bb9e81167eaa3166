namespace Graph.Api.Endpoint;

/// <summary>
/// Remembers which texts were seen recently, by a fingerprint of each in a fixed table, so that the
/// document cache keeps a document only when it is asked for a second time. A text is forgotten when a
/// later one takes its slot, which only delays keeping it; two texts taken for one need equal 31-bit
/// hashes in the same slot, and the hash is seeded per process, so that cannot be aimed at.
/// Safe for concurrent use: a slot is one int, and a lost race only makes a text count as new once more.
/// </summary>
internal sealed class SeenTexts(int slots)
{
    private readonly int[] fingerprints = new int[slots];

    /// <summary>True when the text was seen before and not forgotten since; otherwise remembers it and returns false.</summary>
    public bool SeenBefore(string text)
    {
        var hash = text.GetHashCode(StringComparison.Ordinal);
        // Never 0, which marks an empty slot.
        var fingerprint = hash | 1;
        ref var slot = ref fingerprints[(int)((uint)hash % (uint)fingerprints.Length)];
        if (Volatile.Read(ref slot) == fingerprint) return true;
        Volatile.Write(ref slot, fingerprint);
        return false;
    }
}

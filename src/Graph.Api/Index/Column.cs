using System.Runtime.CompilerServices;

namespace Graph.Api.Index;

/// <summary>
/// A read-only column of numbers an index keeps: an array it built, or a stretch of a seed snapshot mapped into memory
/// (<see cref="Import.MappedSnapshot"/>), which a restart takes as it lies instead of reading and copying it.
/// </summary>
/// <remarks>
/// A mapping is kept for the life of the process, so a pointer into it never dangles. An array is read through itself, never
/// through a pointer: a span over an array keeps the array alive, and a pointer would not once the index is let go.
/// </remarks>
internal readonly unsafe struct Column<T> where T : unmanaged
{
    private readonly T[]? array;
    private readonly T* start;

    public Column(T[] array) => (this.array, Length) = (array, array.Length);

    /// <param name="start">The first value, in memory that stays mapped while the process runs.</param>
    /// <param name="length">How many values follow.</param>
    public Column(T* start, int length)
    {
        this.start = start;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<T> Span => array ?? new ReadOnlySpan<T>(start, Length);

    public ref readonly T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (array is not null) return ref array[index];
            if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index));
            return ref start[index];
        }
    }

    /// <summary>
    /// For mapped memory, gives the pages read so far back to the file (<see cref="Import.MappedSnapshot.LetGo"/>): a check that
    /// read every value leaves none of them in the process's memory until they are read again. Nothing for an array.
    /// </summary>
    public void LetPagesGo()
    {
        if (array is null && Length > 0) Import.MappedSnapshot.LetGo(start, (long)Length * sizeof(T));
    }

    /// <summary>The values from <paramref name="first"/>, <paramref name="count"/> of them.</summary>
    public ReadOnlySpan<T> Slice(int first, int count) => Span.Slice(first, count);

    public static implicit operator Column<T>(T[] array) => new(array);
}

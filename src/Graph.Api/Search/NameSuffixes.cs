using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Search;

/// <summary>
/// A suffix array of the folded names: every suffix at least <see cref="ShortestText"/> letters long,
/// in ordinal order, as (name, offset). The suffixes starting with a text are one range, found by
/// halving, and their names are exactly the names containing it. An index of the runs of three and
/// four letters, used before, only narrowed the names down: for a common word ("granite", in a tenth
/// of the names) every name holding its runs was checked one by one, 0.2 ms a request; the range
/// lists the same names without a check.
/// </summary>
internal sealed class NameSuffixes
{
    /// <summary>The shortest text looked up here: shorter text is too common for a range to pay (see <see cref="ShortRunEntities"/>).</summary>
    public const int ShortestText = ShortRunEntities.LongestRun + 1;

    private readonly string[] names;
    private readonly Column<Suffix> suffixes;

    /// <summary>
    /// A suffix: the name it belongs to, where in the name it starts, and, in what was padding, the name's
    /// length and the kind of the entity it names, so a range is cut by length and kind without reading
    /// the names. Offsets fit 16 bits: an import's names are at most 200 characters, a few times that once
    /// folded; letters past 65,535 of a longer name would not be found. The length serves only the cut,
    /// which tells lengths apart up to 254 letters, so a longer name's is kept as 255.
    /// </summary>
    internal readonly record struct Suffix(int Name, ushort Offset, byte NameLength, byte Kind);

    /// <param name="names">Folded names; a name's position is its index.</param>
    /// <param name="kinds">The kind of the entity each name belongs to.</param>
    /// <param name="kept">
    /// The order an earlier build of the same names sorted them in (<see cref="Order"/>, kept in a seed snapshot), or null.
    /// Sorting is the longest step of a search index's build (about 0.5 s of a core for 100k entities). An order that is
    /// not exactly these names' suffixes, each once, is ignored and the suffixes sorted anew. Its order is not checked
    /// (comparing each suffix with the next took more than half as long as sorting, each comparison two trips to memory):
    /// like the rows beside it, a snapshot is this build's own, from the same seed file, once its fingerprint and hash
    /// hold, and only such a snapshot gives one.
    /// </param>
    [MethodImpl(LoadingCode.Optimised)]
    public NameSuffixes(string[] names, EntityKind[] kinds, Column<Suffix>? kept = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(kinds.Length, names.Length);
        this.names = names;
        var firstSuffix = new int[names.Length + 1];
        for (var n = 0; n < names.Length; n++) firstSuffix[n + 1] = firstSuffix[n] + SuffixCount(names[n]);
        if (kept is { } order && IsEverySuffixOnce(order.Span, names, kinds, firstSuffix))
        {
            suffixes = order;
            // A seed snapshot's mapped suffixes were all read by the check: their pages go back to the file until a search reads them.
            order.LetPagesGo();
            return;
        }

        var sorted = new Suffix[firstSuffix[^1]];
        var at = 0;
        for (var n = 0; n < names.Length; n++)
        {
            for (var offset = 0; offset < SuffixCount(names[n]); offset++) sorted[at++] = SuffixOf(n, offset, names, kinds);
        }

        new Sorter(names, sorted).Sort(0, sorted.Length, 0);
        suffixes = sorted;
    }

    /// <summary>The suffixes in sorted order, to keep for a later build of the same names.</summary>
    public ReadOnlySpan<Suffix> Order => suffixes.Span;

    private static int SuffixCount(string name) => name.Length < ShortestText ? 0 : Math.Min(name.Length - ShortestText, ushort.MaxValue) + 1;

    private static Suffix SuffixOf(int name, int offset, string[] names, EntityKind[] kinds) =>
        new(name, (ushort)offset, (byte)Math.Min(names[name].Length, byte.MaxValue), (byte)kinds[name]);

    /// <summary>
    /// Whether the order holds every suffix of the names exactly once, each as this build describes it. The names'
    /// suffix counts (<paramref name="firstSuffix"/>) tell their lengths apart as far as a suffix records them, so the
    /// check reads no name: reading them in the order's order was a trip to memory a suffix.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool IsEverySuffixOnce(ReadOnlySpan<Suffix> order, string[] names, EntityKind[] kinds, int[] firstSuffix)
    {
        if (order.Length != firstSuffix[^1]) return false;
        // A bit a suffix, not a flag: 1.8 million suffixes for 100k entities were 1.8 MB allocated on a restart's way to ready.
        var seen = new PlacesTaken(order.Length);
        foreach (var suffix in order)
        {
            if ((uint)suffix.Name >= (uint)names.Length) return false;
            var count = firstSuffix[suffix.Name + 1] - firstSuffix[suffix.Name];
            var length = Math.Min(count + ShortestText - 1, byte.MaxValue);
            if (suffix.Offset >= count || suffix.NameLength != length || suffix.Kind != (byte)kinds[suffix.Name]) return false;
            if (!seen.TakeOnce(firstSuffix[suffix.Name] + suffix.Offset)) return false;
        }

        return true;
    }

    /// <summary>
    /// The names containing the text (folded, at least <see cref="ShortestText"/> letters) as indices, in no
    /// particular order, only those of entities of the <paramref name="kinds"/> (a <see cref="CompactFilter.Mask"/>,
    /// every kind by default); a name holding the text twice comes twice.
    /// </summary>
    public NameIndices NamesContaining(ReadOnlySpan<char> text, ulong kinds = ulong.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(text.Length, ShortestText);
        var start = FirstNotBefore(text, orEqual: false);
        return new NameIndices(suffixes.Slice(start, FirstNotBefore(text, orEqual: true) - start), kinds);
    }

    /// <summary>The names of a range of suffixes that are of the wanted kinds, for <c>foreach</c>, optionally only those up to a length.</summary>
    public readonly ref struct NameIndices
    {
        private const int CountedLengths = byte.MaxValue + 1;
        private readonly ReadOnlySpan<Suffix> range;
        private readonly ulong kinds;
        private readonly int longest;

        /// <summary>Every name of the range of the wanted kinds (a <see cref="CompactFilter.Mask"/>).</summary>
        public NameIndices(ReadOnlySpan<Suffix> range, ulong kinds)
            : this(range, kinds, int.MaxValue, kinds == ulong.MaxValue ? range.Length : CountOfKinds(range, kinds))
        {
        }

        private NameIndices(ReadOnlySpan<Suffix> range, ulong kinds, int longest, int count)
        {
            this.range = range;
            this.kinds = kinds;
            this.longest = longest;
            Count = count;
        }

        /// <summary>How many names are listed (a name as often as it holds the text).</summary>
        public int Count { get; }

        /// <summary>
        /// Only the shortest names that make up at least <paramref name="count"/> of those listed (all names
        /// of the length where that count is reached stay); <paramref name="cut"/> says whether any were left out.
        /// Nothing is left out when that length is past 254 letters.
        /// </summary>
        public NameIndices Shortest(int count, out bool cut)
        {
            Span<int> byLength = stackalloc int[CountedLengths];
            byLength.Clear();
            foreach (var suffix in range)
            {
                if (IsWanted(suffix)) byLength[suffix.NameLength]++;
            }

            var reached = 0;
            for (var length = 0; length < CountedLengths - 1; length++)
            {
                reached += byLength[length];
                if (reached < count) continue;
                cut = reached < Count;
                return new NameIndices(range, kinds, length, reached);
            }

            cut = false;
            return this;
        }

        public Enumerator GetEnumerator() => new(this);

        private bool IsWanted(Suffix suffix) => CompactFilter.Includes(kinds, suffix.Kind);

        private static int CountOfKinds(ReadOnlySpan<Suffix> range, ulong kinds)
        {
            var count = 0;
            foreach (var suffix in range)
            {
                if (CompactFilter.Includes(kinds, suffix.Kind)) count++;
            }

            return count;
        }

        public ref struct Enumerator(NameIndices names)
        {
            private readonly NameIndices names = names;
            private int at = -1;

            public readonly int Current => names.range[at].Name;

            public bool MoveNext()
            {
                while (++at < names.range.Length)
                {
                    var suffix = names.range[at];
                    if (suffix.NameLength <= names.longest && names.IsWanted(suffix)) return true;
                }

                return false;
            }
        }
    }

    // The first suffix whose first text.Length letters sort after the text (orEqual) or not before it.
    private int FirstNotBefore(ReadOnlySpan<char> text, bool orEqual)
    {
        var all = suffixes.Span;
        int low = 0, high = all.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var suffix = Text(names, all[mid]);
            var order = suffix[..Math.Min(suffix.Length, text.Length)].SequenceCompareTo(text);
            if (order < 0 || (orEqual && order == 0)) low = mid + 1;
            else high = mid;
        }

        return low;
    }

    private static ReadOnlySpan<char> Text(string[] names, Suffix suffix) => names[suffix.Name].AsSpan(suffix.Offset);

    /// <summary>
    /// Sorts suffixes eight letters at a time, as numbers: those sharing the first eight are sorted by the
    /// next eight, and so on, each time a sort of plain numbers (a comparison of texts for each pair took
    /// twice as long as the rest of the search index's build). A letter beyond the first 255 code points
    /// cannot be one byte of such a number, so suffixes that share a byte standing for such a letter are
    /// compared as text.
    /// </summary>
    private sealed class Sorter(string[] names, Suffix[] suffixes)
    {
        private const int Letters = 8;
        private const byte Wide = byte.MaxValue;
        private readonly ulong[] keys = new ulong[suffixes.Length];

        /// <summary>Sorts suffixes[start..end), which share their first <paramref name="depth"/> letters.</summary>
        [MethodImpl(LoadingCode.Optimised)]
        public void Sort(int start, int end, int depth)
        {
            for (var i = start; i < end; i++) keys[i] = Key(Text(names, suffixes[i]), depth);
            Array.Sort(keys, suffixes, start, end - start);
            for (var run = start; run < end;)
            {
                var key = keys[run];
                var runEnd = run + 1;
                while (runEnd < end && keys[runEnd] == key) runEnd++;
                if (runEnd - run > 1)
                {
                    // A key ending in a zero byte holds a suffix's last letters: the suffixes of the run are equal.
                    if (HasWideLetter(key)) Array.Sort(suffixes, run, runEnd - run, Comparer<Suffix>.Create((a, b) => Text(names, a).SequenceCompareTo(Text(names, b))));
                    else if ((key & 0xFF) != 0) Sort(run, runEnd, depth + Letters);
                }

                run = runEnd;
            }
        }

        // Letters depth.. of the suffix, one byte each, in the order they sort; zero past its end (no folded name
        // holds U+0000). Past a wide letter every byte is zero too: suffixes that differ only after it must meet
        // in one run, to be compared as text, since the byte does not tell the wide letters apart.
        [MethodImpl(LoadingCode.Optimised)]
        private static ulong Key(ReadOnlySpan<char> suffix, int depth)
        {
            var key = 0UL;
            var wide = false;
            for (var i = 0; i < Letters; i++)
            {
                var at = depth + i;
                var letter = wide || at >= suffix.Length ? '\0' : Math.Min(suffix[at], (char)Wide);
                wide |= letter == Wide;
                key = (key << 8) | letter;
            }

            return key;
        }

        private static bool HasWideLetter(ulong key)
        {
            for (var i = 0; i < Letters; i++, key >>= 8)
            {
                if ((key & 0xFF) == Wide) return true;
            }

            return false;
        }
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Search;

/// <summary>
/// Names and aliases of every entity, folded by <see cref="TextNormalizer"/>. Sorted, so exact and
/// prefix matches are a binary search. "Contains" is answered exactly, without checking names one by
/// one: for one or two letters by the entities holding each such run, for more by a suffix array of
/// the names. Names holding every word of a text in another order are found by the same array.
/// </summary>
public sealed class SearchIndex
{
    private readonly record struct Name(string Folded, string Original, EntityNode Entity);

    // What ranking and marking read of each name, in an array of their own beside the names: a common
    // text's candidates are thousands of names in no order, and 12 bytes each (1.6 MB for 100k entities)
    // stay in the cache where the name records, read with their strings and entities, did not.
    private readonly record struct Rank(int Length, int Ordinal, EntityKind Kind);

    // About how many suffixes can be marked in a bit set in the time one name is read and searched.
    private const int ReadsPerMark = 16;

    private readonly Name[] names;
    private readonly int[] nameOrder;
    private readonly Rank[] ranks;
    private readonly uint[] wordInitials;
    private readonly EntityNames foldedByOrdinal;
    private readonly EntityNode[] byOrdinal;
    private readonly NameSuffixes suffixes;
    private readonly Lazy<NameWords> nameWords;
    private readonly Lazy<ShortRunEntities> shortRuns;

    // Built with loops and array sorts rather than query operators: this runs once, over every name, beside
    // the rest of an index build, and the operators' generic code over these types ran unoptimised for much
    // of it (folding, sorting and grouping 133k names at 100k entities took 1.0–1.5 s that way, 0.5–0.7 s so).
    /// <param name="entities">Every entity.</param>
    /// <param name="keptSuffixOrder">The names' suffixes as an earlier build of the same entities sorted them (<see cref="SuffixOrder"/>), or null.</param>
    /// <param name="keptNameOrder">The names' order as an earlier build of the same entities sorted them (<see cref="NameOrder"/>), or null.</param>
    [MethodImpl(LoadingCode.Optimised)]
    internal SearchIndex(IReadOnlyList<EntityNode> entities, Column<NameSuffixes.Suffix>? keptSuffixOrder = null, int[]? keptNameOrder = null)
    {
        // Sized first: grown by doubling, a list allocated twice the names' room again (12 MB for 100k entities) on a
        // restart's way to ready. The aliases are read by index: a foreach over each entity's list made an enumerator for it.
        var count = 0;
        foreach (var entity in entities) count += 1 + entity.Entity.Aliases.Count;
        var unsorted = new Name[count];
        var made = 0;
        foreach (var entity in entities)
        {
            made = AddFolded(unsorted, made, entity.Entity.Name, entity);
            var aliases = entity.Entity.Aliases;
            for (var i = 0; i < aliases.Count; i++) made = AddFolded(unsorted, made, aliases[i], entity);
        }

        // Only a name or alias that folds to nothing (punctuation alone) leaves room unused.
        if (made < unsorted.Length) Array.Resize(ref unsorted, made);
        nameOrder = keptNameOrder is not null && IsFoldedOrder(keptNameOrder, unsorted) ? keptNameOrder : FoldedOrder(unsorted);
        names = PutInOrder(unsorted, nameOrder);
        // What ranking reads is made on another core beside the rest: on a restart this build is the index's longest
        // branch, and the rest of the index is built by the time it gets here, leaving a core idle.
        var ranking = Task.Run(() => RanksAndInitials(names));
        byOrdinal = entities as EntityNode[] ?? [.. entities];
        var (folded, ordinals, kinds) = Columns(names);
        foldedByOrdinal = new EntityNames(byOrdinal.Length, ordinals, folded);
        suffixes = new NameSuffixes(folded, kinds, keptSuffixOrder);
        (ranks, wordInitials) = ranking.GetAwaiter().GetResult();
        // Only a search that matches nothing reads the words, so they are not built on the way to ready (a tenth of
        // a second at 100k entities, where this build is the index's longest branch) but once the index serves.
        nameWords = WordsOnFirstUse(folded);
        // Only a name filter of one or two letters reads these, so they are made once the index serves too: 0.06–0.15 s of
        // a core on the way to ready at 100k entities, where both cores were busy.
        shortRuns = new Lazy<ShortRunEntities>(() => new ShortRunEntities(foldedByOrdinal, byOrdinal), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Each name's length, entity and kind, and the initials of its words, in the names' order.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static (Rank[] Ranks, uint[] WordInitials) RanksAndInitials(Name[] names)
    {
        var (ranks, initials) = (new Rank[names.Length], new uint[names.Length]);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            ranks[i] = new Rank(name.Folded.Length, name.Entity.Ordinal, name.Entity.Kind);
            initials[i] = SearchWords.InitialsOf(name.Folded);
        }

        return (ranks, initials);
    }

    /// <summary>Each name's folded text, entity's ordinal and entity's kind, in the names' order.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static (string[] Folded, int[] Ordinals, EntityKind[] Kinds) Columns(Name[] names)
    {
        var (folded, ordinals, kinds) = (new string[names.Length], new int[names.Length], new EntityKind[names.Length]);
        for (var i = 0; i < names.Length; i++) (folded[i], ordinals[i], kinds[i]) = (names[i].Folded, names[i].Entity.Ordinal, names[i].Entity.Kind);
        return (folded, ordinals, kinds);
    }

    /// <summary>
    /// The words of the folded names, made on first use. A method of its own so that its function holds only the names: a
    /// lambda in the constructor shares one closure with the constructor's other lambdas, so it held the unsorted names too
    /// (3.2 MB for 100k entities) until the words were made, after ready.
    /// </summary>
    private static Lazy<NameWords> WordsOnFirstUse(string[] folded) =>
        new(() => new NameWords(folded), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The names' suffixes in sorted order, for a seed snapshot to keep (<see cref="NameSuffixes.Order"/>).</summary>
    internal ReadOnlySpan<NameSuffixes.Suffix> SuffixOrder => suffixes.Order;

    /// <summary>
    /// The names in sorted order, as the places they had when read entity by entity (each name, then its aliases), for
    /// a seed snapshot to keep: sorting a hundred and thirty thousand names was the longest step of a restart's index.
    /// </summary>
    internal ReadOnlySpan<int> NameOrder => nameOrder;

    /// <summary>Adds the name at <paramref name="made"/> if it folds to any text; how many names are made then.</summary>
    private static int AddFolded(Name[] names, int made, string name, EntityNode entity)
    {
        var folded = TextNormalizer.Normalize(name);
        if (folded.Length == 0) return made;
        names[made] = new Name(folded, name, entity);
        return made + 1;
    }

    /// <summary>
    /// Puts the names in the order given, in place (the name at <c>order[i]</c> becomes the i-th), following each cycle of the
    /// order once: the sorted copy of 133k names was 3.2 MB more allocated on a restart's way to ready.
    /// </summary>
    /// <param name="names">The names as read.</param>
    /// <param name="order">A permutation of their places (<see cref="FoldedOrder"/>'s, or a kept one that <see cref="IsFoldedOrder"/> took).</param>
    [MethodImpl(LoadingCode.Optimised)]
    private static Name[] PutInOrder(Name[] names, int[] order)
    {
        var done = new PlacesTaken(names.Length);
        for (var first = 0; first < names.Length; first++)
        {
            if (!done.TakeOnce(first)) continue;
            var held = names[first];
            var at = first;
            // Each place takes the name from the place it names, which the cycle visits next, so it is still unmoved.
            for (var from = order[at]; from != first; from = order[at])
            {
                names[at] = names[from];
                at = from;
                done.TakeOnce(at);
            }

            names[at] = held;
        }

        return names;
    }

    /// <summary>
    /// The places of the names sorted by folded text, names that fold alike in entity order, an entity's own in the order
    /// given (its name first).
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static int[] FoldedOrder(Name[] unsorted)
    {
        var keys = new string[unsorted.Length];
        var positions = new int[unsorted.Length];
        for (var i = 0; i < keys.Length; i++) (keys[i], positions[i]) = (unsorted[i].Folded, i);
        Array.Sort(keys, positions, StringComparer.Ordinal);
        // The sort is not stable: within a run of equal texts, entity order and then the given order are put back.
        var byEntity = Comparer<int>.Create((a, b) => (unsorted[a].Entity.Ordinal, a).CompareTo((unsorted[b].Entity.Ordinal, b)));
        for (var run = 0; run < keys.Length;)
        {
            var end = run + 1;
            while (end < keys.Length && string.Equals(keys[end], keys[run], StringComparison.Ordinal)) end++;
            if (end - run > 1) Array.Sort(positions, run, end - run, byEntity);
            run = end;
        }

        return positions;
    }

    /// <summary>
    /// Whether the order holds every name once, in the order <see cref="FoldedOrder"/> gives: one pass comparing
    /// neighbours, a small part of a sort's work. A kept order that does not fit the names is sorted anew instead.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool IsFoldedOrder(int[] order, Name[] unsorted)
    {
        if (order.Length != unsorted.Length) return false;
        var taken = new PlacesTaken(order.Length);
        for (var i = 0; i < order.Length; i++)
        {
            var place = order[i];
            if (!taken.TakeOnce(place)) return false;
            if (i == 0) continue;
            var (before, name) = (unsorted[order[i - 1]], unsorted[place]);
            var compared = string.CompareOrdinal(before.Folded, name.Folded);
            if (compared > 0 || (compared == 0 && (before.Entity.Ordinal, order[i - 1]).CompareTo((name.Entity.Ordinal, place)) >= 0)) return false;
        }

        return true;
    }

    /// <summary>
    /// Ranked hits: exact, then prefix, then contains, then every word, and only when none of those, names one slip
    /// from its words; shorter names first within a rank; one hit
    /// per entity, at its best name's rank. With <paramref name="after"/> (a hit's <see cref="SearchHit.Rank"/>),
    /// only the entities ranked after it.
    /// </summary>
    public IReadOnlyList<SearchHit> Find(string text, IReadOnlySet<EntityKind>? kinds, int first, long after = NoRank)
    {
        var query = TextNormalizer.Normalize(text);
        if (query.Length == 0 || first <= 0) return [];
        // A page that the candidates left short (an entity named twice among them, names that start with the
        // text, or entities already on an earlier page) is found again from every name that matches.
        // The words are split once, and only when a cursor or a short page needs them: most searches need neither.
        var words = after == NoRank ? null : SearchWords.Of(query);
        var hits = Find(query, words, kinds, first, after, firstPass: true, out var cut);
        if (hits.Count < first && cut) hits = Find(query, words, kinds, first, after, firstPass: false, out _);
        // Every entity matching the text whole is on the page now, so names holding its words in another
        // order, which rank after them all, fill the rest.
        if (hits.Count < first && (after == NoRank ? SearchWords.Of(query) : words) is { } held) AddWordMatches(hits, query, held, CompactFilter.Mask(kinds), first, after);
        // Only a text that matches no name as typed gets the names one slip from it, so a text that does match
        // never has likely misspellings of it among its hits. Every such hit ranks after every other, so past a
        // cursor they come only after a similar hit's cursor.
        if (hits.Count == 0 && (after == NoRank || KindOf(after) == MatchKind.Similar) && SimilarWords.Of(query) is { } similar)
        {
            AddSimilarMatches(hits, query, words, similar, CompactFilter.Mask(kinds), first, after);
        }

        return hits;
    }

    private static MatchKind KindOf(long rank) => (MatchKind)(rank >> 56);

    /// <summary>
    /// Builds what similar names and names of one or two letters are found by, if not yet built (<see cref="GraphIndexHolder"/>
    /// asks once the index serves).
    /// </summary>
    public void PrepareDeferred()
    {
        _ = nameWords.Value;
        _ = shortRuns.Value;
    }

    /// <summary>
    /// Adds the entities with a name holding each word of the text, or for a long word a word one slip from it,
    /// fewest slips first, then shorter names, then entity order (<see cref="SimilarCandidates"/> finds them).
    /// </summary>
    private void AddSimilarMatches(List<SearchHit> hits, string query, SearchWords? words, SimilarWords similar, ulong kinds, int first, long after)
    {
        var (kept, slipped) = SimilarCandidates(similar, kinds);
        // The words of three letters anywhere, as typed, and the shorter ones at the start of a word.
        var starts = words ?? SearchWords.Of(query);
        using var candidates = new RankedCandidates();
        candidates.Expect(kept.Count);
        for (var k = 0; k < kept.Count; k++)
        {
            var i = kept[k];
            var length = SimilarWords.RankLength(slipped[k], ranks[i].Length);
            if (RankedCandidates.Key(MatchKind.Similar, length, ranks[i].Ordinal) <= after || !HoldsShortWords(i)) continue;
            candidates.Add(MatchKind.Similar, length, ranks[i].Ordinal, i);
        }

        var taken = new HashSet<int>();
        foreach (var (match, index) in candidates.InRankOrder(first))
        {
            // The few names a page shows count their slips again, one by one, as the sets counted them.
            var name = names[index];
            var length = SimilarWords.RankLength(similar.SlipsIn(name.Folded) ?? 0, name.Folded.Length);
            if ((after != NoRank && !AtBest(name.Entity, query, words, match, length, similar)) || !taken.Add(name.Entity.Ordinal)) continue;
            hits.Add(new SearchHit(name.Entity, name.Original, match, length));
            if (hits.Count == first) break;
        }

        bool HoldsShortWords(int i)
        {
            foreach (var word in similar.Words)
            {
                if (word.Length >= NameSuffixes.ShortestText && word.Length < SimilarWords.SlipsFrom && !names[i].Folded.Contains(word, StringComparison.Ordinal)) return false;
            }

            return starts is not { WordStarts.Length: > 0 } || ((wordInitials[i] & starts.Initials) == starts.Initials && starts.StartWordsOf(names[i].Folded));
        }
    }

    /// <summary>
    /// The names of the wanted kinds holding each long word of the text, or a word one slip from it, and beside each
    /// how many of those words it holds only with a slip. Found by sets, not by reading names: each long word's names
    /// are those holding it (a range of suffixes) and those with a word one slip from it (the words' lists of names);
    /// the candidates are the names of the first long word, kept while each next word's names, marked in a bit set,
    /// hold them too. The shorter words are left to the caller.
    /// </summary>
    /// <remarks>
    /// The words are taken rarest as typed first, and a word's slips are looked for only when its turn comes: a text
    /// that matches nothing usually runs out of candidates after two or three words. Looking up every word's slips
    /// first made 40 numbers of four digits (200 characters) cost about 8.5 ms of CPU an answer on the
    /// million-relationship graph, each number one slip from thousands of the names' numbers (bench/HISTORY.md, round 66).
    /// </remarks>
    private (List<int> Names, List<int> Slips) SimilarCandidates(SimilarWords similar, ulong kinds)
    {
        var vocabulary = nameWords.Value;
        var longWords = similar.Words.Where(word => word.Length >= SimilarWords.SlipsFrom).OrderBy(word => suffixes.NamesContaining(word).Count).ToArray();
        if (longWords.Length == 0) return ([], []);
        // The candidates, and beside each how many of the long words so far it holds only with a slip.
        var kept = new List<int>();
        var slipped = new List<int>();
        var bits = (names.Length + 63) / 64;
        var marked = ArrayPool<ulong>.Shared.Rent(bits);
        var asTyped = ArrayPool<ulong>.Shared.Rent(bits);
        var slips = new List<int>();
        try
        {
            Array.Clear(marked, 0, bits);
            foreach (var i in suffixes.NamesContaining(longWords[0], kinds))
            {
                if (!Mark(marked, i)) continue;
                kept.Add(i);
                slipped.Add(0);
            }

            vocabulary.WithinOneEdit(longWords[0], slips);
            foreach (var w in slips)
            {
                foreach (var i in vocabulary.NamesWith(w))
                {
                    if (!CompactFilter.Includes(kinds, (int)ranks[i].Kind) || !Mark(marked, i)) continue;
                    kept.Add(i);
                    slipped.Add(1);
                }
            }

            for (var w = 1; w < longWords.Length && kept.Count > 0; w++)
            {
                // Names holding the word as typed are marked; those that do not must have a word one slip from it.
                Array.Clear(asTyped, 0, bits);
                foreach (var i in suffixes.NamesContaining(longWords[w])) Mark(asTyped, i);
                Array.Copy(asTyped, marked, bits);
                slips.Clear();
                vocabulary.WithinOneEdit(longWords[w], slips);
                foreach (var slip in slips)
                {
                    foreach (var i in vocabulary.NamesWith(slip)) Mark(marked, i);
                }

                var count = 0;
                for (var k = 0; k < kept.Count; k++)
                {
                    if (!IsMarked(marked, kept[k])) continue;
                    (kept[count], slipped[count]) = (kept[k], slipped[k] + (IsMarked(asTyped, kept[k]) ? 0 : 1));
                    count++;
                }

                kept.RemoveRange(count, kept.Count - count);
                slipped.RemoveRange(count, slipped.Count - count);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(marked);
            ArrayPool<ulong>.Shared.Return(asTyped);
        }

        return (kept, slipped);

        static bool Mark(ulong[] marks, int i)
        {
            if (IsMarked(marks, i)) return false;
            marks[i >> 6] |= 1UL << i;
            return true;
        }

        static bool IsMarked(ulong[] marks, int i) => (marks[i >> 6] & (1UL << i)) != 0;
    }

    /// <summary>No rank: every hit is wanted.</summary>
    public const long NoRank = -1;

    /// <summary>
    /// Adds to a short page the entities with a name holding every word, ranked as the other matches are. The
    /// candidates are the names holding the rarest long word (the shortest range of suffixes), kept only while
    /// each next rarest word's range, marked in a bit set, holds them too, until none are left. A name is read to
    /// check the short words only when its words' initials include theirs: a rare short word would otherwise
    /// read every candidate.
    /// </summary>
    private void AddWordMatches(List<SearchHit> hits, string query, SearchWords words, ulong kinds, int first, long after)
    {
        var byRarity = words.Anywhere.OrderBy(word => suffixes.NamesContaining(word).Count).ToArray();
        var taken = new HashSet<int>(hits.Count + first);
        foreach (var hit in hits) taken.Add(hit.Entity.Ordinal);
        var kept = new List<int>();
        foreach (var i in suffixes.NamesContaining(byRarity[0], kinds))
        {
            if ((wordInitials[i] & words.Initials) == words.Initials && !taken.Contains(ranks[i].Ordinal)) kept.Add(i);
        }

        for (var w = 1; w < byRarity.Length && kept.Count > 0; w++) KeepNamesHolding(kept, byRarity[w]);

        using var candidates = new RankedCandidates();
        candidates.Expect(kept.Count);
        foreach (var i in kept)
        {
            if (RankedCandidates.Key(MatchKind.Words, ranks[i].Length, ranks[i].Ordinal) > after) candidates.Add(MatchKind.Words, ranks[i].Length, ranks[i].Ordinal, i);
        }

        foreach (var (match, index) in candidates.InRankOrder(first - hits.Count))
        {
            var name = names[index];
            if (!words.StartWordsOf(name.Folded) || (after != NoRank && !AtBest(name.Entity, query, words, match, name.Folded.Length)) || !taken.Add(name.Entity.Ordinal)) continue;
            hits.Add(new SearchHit(name.Entity, name.Original, match, name.Folded.Length));
            if (hits.Count == first) break;
        }
    }

    /// <summary>
    /// Whether a name's rank is its entity's best: past a cursor, an entity whose best name ranked before it
    /// was on an earlier page, and its other names must not bring it back. The entity's few names are
    /// matched one by one by the rules the index answers by ranges.
    /// </summary>
    private bool AtBest(EntityNode entity, string query, SearchWords? words, MatchKind match, int rankLength, SimilarWords? similar = null)
    {
        var rank = RankedCandidates.Key(match, rankLength, entity.Ordinal);
        foreach (var name in foldedByOrdinal.Of(entity.Ordinal))
        {
            if (RankOf(name, query, words, similar) is { } other && RankedCandidates.Key(other.Match, other.Length, entity.Ordinal) < rank) return false;
        }

        return true;
    }

    /// <summary>How a folded name matches, and its rank within the match, by the rules the index answers by ranges and sets.</summary>
    private static (MatchKind Match, int Length)? RankOf(string name, string query, SearchWords? words, SimilarWords? similar) =>
        string.Equals(name, query, StringComparison.Ordinal) ? (MatchKind.Exact, name.Length)
        : name.StartsWith(query, StringComparison.Ordinal) ? (MatchKind.Prefix, name.Length)
        : query.Length >= NameSuffixes.ShortestText && name.Contains(query, StringComparison.Ordinal) ? (MatchKind.Contains, name.Length)
        : words is not null && words.HeldBy(name) ? (MatchKind.Words, name.Length)
        : similar?.SlipsIn(name) is { } slips ? (MatchKind.Similar, SimilarWords.RankLength(slips, name.Length))
        : null;

    /// <summary>
    /// Keeps only the names that hold the long word: marked from its range in a pooled bit set, or, when the
    /// names kept are far fewer than the range, by reading each (a common word's range is tens of thousands).
    /// </summary>
    private void KeepNamesHolding(List<int> kept, string word)
    {
        if (kept.Count * ReadsPerMark < suffixes.NamesContaining(word).Count)
        {
            kept.RemoveAll(i => !names[i].Folded.Contains(word, StringComparison.Ordinal));
            return;
        }

        var marked = ArrayPool<ulong>.Shared.Rent((names.Length + 63) / 64);
        try
        {
            Array.Clear(marked);
            foreach (var i in suffixes.NamesContaining(word)) marked[i >> 6] |= 1UL << i;
            kept.RemoveAll(i => (marked[i >> 6] & (1UL << i)) == 0);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(marked);
        }
    }

    /// <summary>
    /// A page of hits. The first pass reads as few names as may fill it: "contains" only when the exact and
    /// prefix names number fewer than the page, and then only the shortest; <paramref name="cut"/> says
    /// whether it left any matching name out, so a page it leaves short is found again with all of them.
    /// <paramref name="words"/> (the text's words, read only past a cursor) match an entity's own names again.
    /// </summary>
    private List<SearchHit> Find(string query, SearchWords? words, IReadOnlySet<EntityKind>? kinds, int first, long after, bool firstPass, out bool cut)
    {
        using var candidates = new RankedCandidates();
        var wanted = CompactFilter.Mask(kinds);
        void Offer(int index, MatchKind match)
        {
            var rank = ranks[index];
            if (CompactFilter.Includes(wanted, (int)rank.Kind) && (after == NoRank || RankedCandidates.Key(match, rank.Length, rank.Ordinal) > after))
            {
                candidates.Add(match, rank.Length, rank.Ordinal, index);
            }
        }

        // Names starting with the text are one sorted range: from the text itself up to the text
        // followed by the highest character, which no folded name contains.
        var prefixStart = LowerBound(query);
        var prefixEnd = LowerBound(query + char.MaxValue);
        for (var i = prefixStart; i < prefixEnd; i++)
        {
            Offer(i, ranks[i].Length == query.Length ? MatchKind.Exact : MatchKind.Prefix);
        }

        // "Contains" needs three letters to be selective; shorter text matches by prefix only. Names that
        // start with the text are the prefix range, already offered.
        cut = false;
        if (query.Length >= NameSuffixes.ShortestText && firstPass && candidates.Count >= first)
        {
            cut = true;
        }
        else if (query.Length >= NameSuffixes.ShortestText)
        {
            // Each suffix carries its name's kind, so names of other kinds are passed over without being read.
            var containing = suffixes.NamesContaining(query, wanted);
            // Contains ranks shorter names first, so only the shortest names that can fill the page are read:
            // a common text's are thousands, each read from anywhere in the names.
            if (firstPass) containing = containing.Shortest(first - candidates.Count, out cut);
            candidates.Expect(containing.Count);
            foreach (var i in containing)
            {
                if (i < prefixStart || i >= prefixEnd) Offer(i, MatchKind.Contains);
            }
        }

        // Best first; an entity found by several of its names counts once, by its best match. A page
        // holds at most a hundred hits, so a scan of those already taken beats a hash set.
        var hits = new List<SearchHit>(Math.Min(first, candidates.Count));
        // Stops as soon as the page is full: asking for one candidate more would sort all the others.
        foreach (var (match, index) in candidates.InRankOrder(first))
        {
            var name = names[index];
            if (Taken(hits, name.Entity) || (after != NoRank && !AtBest(name.Entity, query, words, match, name.Folded.Length))) continue;
            hits.Add(new SearchHit(name.Entity, name.Original, match, name.Folded.Length));
            if (hits.Count == first) break;
        }

        return hits;

        static bool Taken(List<SearchHit> hits, EntityNode entity)
        {
            foreach (var hit in hits)
            {
                if (ReferenceEquals(hit.Entity, entity)) return true;
            }

            return false;
        }
    }

    /// <summary>
    /// The entities with a name or alias containing the text (already folded, not empty), in id order:
    /// for one or two letters a list made with the index, for more those of a range of suffixes.
    /// </summary>
    public IReadOnlyList<EntityNode> EntitiesNamedWith(string foldedText)
    {
        ArgumentException.ThrowIfNullOrEmpty(foldedText);
        if (foldedText.Length <= ShortRunEntities.LongestRun) return shortRuns.Value.With(foldedText);
        // Marked by ordinal, so the entities come out in id order, each once, however many of its names match.
        var marked = new ulong[(byOrdinal.Length + 63) / 64];
        foreach (var i in suffixes.NamesContaining(foldedText))
        {
            marked[ranks[i].Ordinal >> 6] |= 1UL << ranks[i].Ordinal;
        }

        return new MarkedEntities(marked, byOrdinal);
    }

    /// <summary>Whether any of the entity's names contains the text, already folded by <see cref="TextNormalizer"/>.</summary>
    public bool NameContains(EntityNode entity, string foldedText)
    {
        foreach (var name in foldedByOrdinal.Of(entity.Ordinal))
        {
            if (name.Contains(foldedText, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private int LowerBound(string query)
    {
        int low = 0, high = names.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(names[mid].Folded, query) < 0) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}

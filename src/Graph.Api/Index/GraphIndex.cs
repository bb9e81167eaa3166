using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using Graph.Api.Model;
using Graph.Api.Search;
using QuikGraph;

namespace Graph.Api.Index;

/// <summary>
/// An immutable snapshot of the whole graph, built from the store: lookups by id, lists by kind,
/// the compact adjacency (also seen as a QuikGraph graph, for its algorithms), search and counts. Safe
/// for any number of concurrent readers.
/// </summary>
public sealed class GraphIndex
{
    private readonly EntityNode[] entities;
    private readonly RelationshipTable relationships;
    private readonly Dictionary<string, EntityNode> entitiesById;
    private readonly FrozenDictionary<EntityKind, EntityNode[]> entitiesByKind;
    private readonly Dictionary<string, EntityNode[]> entitiesByPropertyKey;
    // Worked out on first use like the components, and started by GraphIndexHolder once the snapshot serves: only a
    // document's supports read it, and for a million relationships it was the last part of the build to finish,
    // 0.2 s of a restart's way to ready on two cores. A seed snapshot keeps it, and the components, as worked out.
    private readonly Lazy<DocumentCitations> citations;
    private readonly MarkedEntities[] entitiesByRelationshipType;
    private readonly FrozenDictionary<EntityKind, MarkedEntities> kindSets;
    private readonly Lazy<GraphComponents> components;
    private readonly Lazy<EntityOrders> orders;
    private readonly int typeCount;
    private byte[]? endKinds;
    private RelationshipGroups? groups;

    /// <summary>
    /// How many citations a document or paragraph needs before its relationships' dates are sorted for
    /// counting on a date: below it, a pass over the list takes a few microseconds; above, the sorted
    /// dates cost 8 bytes a citation, kept with the snapshot.
    /// </summary>
    internal const int SortedDatesFrom = 1024;

    private GraphIndex(EntityNode[] entities, Dictionary<string, EntityNode> entitiesById, RelationshipTable relationships, Task<SearchIndex> search,
        Task<CompactAdjacency> compact, Column<int>? typeCounts = null, PrebuiltParts? kept = null)
    {
        Entities = this.entities = entities;
        Relationships = this.relationships = relationships;
        this.entitiesById = entitiesById;
        entitiesByKind = Enum.GetValues<EntityKind>().ToFrozenDictionary(k => k, k => entities.Where(e => e.Kind == k).ToArray());
        entitiesByPropertyKey = EntitiesByPropertyKey(entities);
        // Counted from the rows unless given (a seed snapshot's columns, whose rows are not read before ready).
        var counts = typeCounts?.Span.ToArray() ?? CountTypes(relationships);
        RelationshipCounts = Enum.GetValues<RelationshipType>().ToFrozenDictionary(t => t, t => counts[(int)t]);
        typeCount = counts.Length;
        citations = kept?.Citations is { } keptCitations ? new Lazy<DocumentCitations>(keptCitations)
            : new Lazy<DocumentCitations>(() => new DocumentCitations(relationships), LazyThreadSafetyMode.ExecutionAndPublication);
        Compact = compact.GetAwaiter().GetResult();
        entitiesByRelationshipType = EntitiesByRelationshipType(entities, Compact.EntityRelationshipTypes, counts.Length);
        kindSets = entitiesByKind.ToFrozenDictionary(p => p.Key, p => KindSet(p.Value, entities));
        components = kept?.Components is { } keptComponents ? new Lazy<GraphComponents>(keptComponents)
            : new Lazy<GraphComponents>(() => GraphComponents.Of(this), LazyThreadSafetyMode.ExecutionAndPublication);
        orders = new Lazy<EntityOrders>(() => new EntityOrders(this), LazyThreadSafetyMode.ExecutionAndPublication);
        // Waited for last: on a restart the search is the build's longest branch, and everything above goes on beside it.
        Search = search.GetAwaiter().GetResult();
    }

    private static int[] CountTypes(RelationshipTable relationships)
    {
        var counts = new int[Enum.GetValues<RelationshipType>().Max(t => (int)t) + 1];
        for (var position = 0; position < relationships.Count; position++) counts[(int)relationships.RowAt(position).Type]++;
        return counts;
    }

    /// <summary>Every entity, in id order (ordinal = position).</summary>
    public IReadOnlyList<EntityNode> Entities { get; }

    /// <summary>Every relationship, in id order (ordinal = position).</summary>
    public IReadOnlyList<RelationshipNode> Relationships { get; }

    public FrozenDictionary<RelationshipType, int> RelationshipCounts { get; }

    public SearchIndex Search { get; }

    /// <summary>The adjacency as flat arrays of ordinals, for traversals.</summary>
    public CompactAdjacency Compact { get; }

    /// <summary>
    /// The graph's separate parts, computed on first use (whole-graph work, so <see cref="GraphIndexHolder"/>
    /// starts it once a snapshot is swapped in, not before it is ready) and kept with the snapshot.
    /// </summary>
    public GraphComponents Components => components.Value;

    /// <summary>The entities by name and by degree, worked out on first use like <see cref="Components"/>.</summary>
    public EntityOrders Orders => orders.Value;

    /// <summary>Which relationships cite each document and paragraph (<see cref="CitedBy"/>), worked out on first use like <see cref="Components"/>.</summary>
    internal DocumentCitations Citations => citations.Value;

    /// <summary>
    /// The graph as QuikGraph reads it (<see cref="QuikGraphView"/>), for QuikGraph's whole-graph algorithms; a
    /// request's bounded traversals walk the compact rows themselves.
    /// </summary>
    public IVertexAndEdgeListGraph<EntityNode, RelationshipNode> AsQuikGraph() => new QuikGraphView(this);

    public EntityNode EntityAt(int ordinal) => entities[ordinal];

    public RelationshipNode RelationshipAt(int ordinal) => relationships[ordinal];

    /// <summary>
    /// The relationship with this ordinal for one read, its node not kept if no request has made it (<see cref="RelationshipTable.Uncached"/>):
    /// for passes over every relationship, such as the store's write.
    /// </summary>
    internal RelationshipNode UncachedRelationshipAt(int ordinal) => relationships.Uncached(relationships.PositionOf(ordinal));

    /// <summary>The relationships' rows as they lie (by the entity each starts at, then by ordinal), for the seed snapshot's write, which keeps them so.</summary>
    internal RelationshipTable RelationshipRows => relationships;

    /// <summary>The columns the relationships are held in, for the seed snapshot's write, which keeps them as they lie.</summary>
    internal IndexColumns Columns
    {
        get
        {
            var counts = new int[typeCount];
            foreach (var (type, count) in RelationshipCounts) counts[(int)type] = count;
            return Compact.Columns(counts);
        }
    }

    public static GraphIndex Build(IEnumerable<Entity> entities, IEnumerable<Relationship> relationships) =>
        Build(entities, relationships, RelationshipInput.Model);

    /// <param name="entities">Every entity.</param>
    /// <param name="relationships">Every relationship, read through <paramref name="input"/>.</param>
    /// <param name="input">How a relationship is read.</param>
    /// <param name="prebuilt">What the build can take as it is instead of working it out (a seed snapshot's kept parts, the ends the seed's check found), or null.</param>
    [MethodImpl(LoadingCode.Optimised)]
    internal static GraphIndex Build<T>(IEnumerable<Entity> entities, IEnumerable<T> relationships, RelationshipInput<T> input, PrebuiltParts? prebuilt = null)
    {
        var entityList = InIdOrder(entities, e => e.Id, out var entityPositions);
        // Each entity's id and name side by side in one block, as an answer writes them.
        var entityTexts = new JsonTextBlock(2 * entityList.Length, i => i % 2 == 0 ? entityList[i / 2].Id : entityList[i / 2].Name).LaidOut(null);
        var entityNodes = new EntityNode[entityList.Length];
        Parallel.For(0, entityNodes.Length, [MethodImpl(LoadingCode.Optimised)] (i) =>
        {
            var entity = entityList[i];
            entityNodes[i] = new EntityNode(i, entity, entityTexts.Write(2 * i, entity.Id), entityTexts.Write(2 * i + 1, entity.Name));
        });

        // Search reads only the entities, so it is built beside the relationships' steps: several of them run on one
        // core (sorting checks, grouping, laying out the ids' texts), which would leave the other idle.
        var search = Task.Run(() => new SearchIndex(entityNodes, prebuilt?.SearchSuffixes, prebuilt?.SearchNameOrder));
        var byId = entityNodes.ToDictionary(e => e.Id, StringComparer.Ordinal);
        if (prebuilt?.Columns is { } columns)
        {
            // A seed snapshot's columns, mapped as they lie (Import.SnapshotColumns): nothing is read, made or copied for a
            // relationship before ready. Their ordinals are the entities' places in the snapshot, which keeps them in id order.
            if (entityPositions is not null) throw new ArgumentException("Columns come with their entities in id order.", nameof(prebuilt));
            var mapped = new RelationshipTable(columns, input.Values ?? throw new ArgumentException("Columns come with their values.", nameof(input)), entityNodes);
            return new GraphIndex(entityNodes, byId, mapped, search, Task.FromResult(new CompactAdjacency(entityNodes, mapped, columns)), columns.TypeCounts, prebuilt);
        }

        // An array given (a snapshot's relationships) is read as it is, not copied: it is not changed here.
        var given = relationships as T[] ?? relationships.ToArray();
        var ends = prebuilt?.Ends is { } kept && kept.Count == given.Length ? kept : null;
        // Each given position's ordinal; null when the entities were given in id order, where the two are the same.
        var entityOrdinalAt = ends is null || entityPositions is null ? null : OrdinalsByPosition(entityPositions);
        // Rows made from objects collect the values they refer to; rows that refer to values already (a snapshot's) keep those.
        var collected = new RelationshipValuesBuilder();
        var ordered = InIdOrder(given, input.Id, out var relationshipPositions);
        var endsRead = EndOrdinals(ordered, input, ends, relationshipPositions, entityOrdinalAt, byId);
        // The rows are laid out grouped by the entity they start at, so the relationships a traversal reads together
        // (an entity's own) share pages and cache lines instead of lying anywhere in fifty megabytes. Their ids' JSON
        // text lies in one block in the same order (measured in the rows' order).
        var allocationOrder = GroupedByStart(endsRead.From, entityNodes.Length);
        // Rows that hold their ids' text already (a snapshot's) give it as it is.
        var idTexts = input.IdText is null ? new JsonTextBlock(ordered.Length, i => input.Id(ordered[i])).LaidOut(allocationOrder) : null;
        // Each position's ends' ordinals, for the build to read (the index keeps the far ends as the outgoing rows' others).
        var (rows, ordinalAt, endsAt) = (new RelationshipRow[ordered.Length], new int[ordered.Length], RelationshipEnds.Sized(ordered.Length));
        Parallel.For(0, rows.Length, [MethodImpl(LoadingCode.Optimised)] (p) =>
        {
            var i = allocationOrder[p];
            var row = ordered[i];
            var idJson = idTexts is null ? input.IdText!(row) : idTexts.Write(p, input.Id(row));
            ordinalAt[p] = i;
            rows[p] = input.Row(row, idJson, collected);
            (endsAt.From[p], endsAt.To[p]) = (endsRead.From[i], endsRead.To[i]);
        });

        var outgoing = CompactAdjacency.OutgoingRows(entityNodes.Length, endsAt);
        var table = new RelationshipTable(rows, input.Values ?? collected.Build(), ordinalAt, outgoing, entityNodes);
        var compact = Task.Run(() => new CompactAdjacency(entityNodes, table, endsAt));
        return new GraphIndex(entityNodes, byId, table, search, compact);
    }

    /// <summary>Each row's ends' ordinals, in the order the rows are read: by the positions given, or else looked up by id.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static RelationshipEnds EndOrdinals<T>(
        T[] ordered, RelationshipInput<T> input, RelationshipEnds? ends, int[]? relationshipPositions, int[]? entityOrdinalAt, Dictionary<string, EntityNode> byId)
    {
        var read = RelationshipEnds.Sized(ordered.Length);
        var (starts, finishes) = (read.From, read.To);
        if (ends is not null)
        {
            // Each end by the position a snapshot kept or the seed's check found: looking two million ids up among a
            // hundred thousand took a few trips to memory each, 0.3–0.6 s of an index build.
            Parallel.For(0, starts.Length, [MethodImpl(LoadingCode.Optimised)] (i) =>
            {
                var given = relationshipPositions is null ? i : relationshipPositions[i];
                var (from, to) = (ends.From[given], ends.To[given]);
                (starts[i], finishes[i]) = entityOrdinalAt is null ? (from, to) : (entityOrdinalAt[from], entityOrdinalAt[to]);
            });
        }
        else
        {
            var (fromId, toId) = input is { FromId: { } f, ToId: { } t } ? (f, t) : throw new ArgumentException("These rows come with their ends' positions only.", nameof(ends));
            Parallel.For(0, starts.Length, [MethodImpl(LoadingCode.Optimised)] (i) =>
            {
                var row = ordered[i];
                (starts[i], finishes[i]) = (byId[fromId(row)].Ordinal, byId[toId(row)].Ordinal);
            });
        }

        return read;
    }

    /// <summary>The entities that have each property key, each entity once, in ordinal order.</summary>
    /// <remarks>
    /// A loop, not query operators: those made a function, a closure and iterators for every entity, with properties or
    /// without (8 MB of garbage for 100k entities, allocated on a restart's way to ready).
    /// </remarks>
    [MethodImpl(LoadingCode.Optimised)]
    private static Dictionary<string, EntityNode[]> EntitiesByPropertyKey(EntityNode[] entities)
    {
        var byKey = new Dictionary<string, List<EntityNode>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var properties = entity.Entity.Properties;
            for (var i = 0; i < properties.Count; i++)
            {
                var key = properties[i].Key;
                if (!byKey.TryGetValue(key, out var holders)) byKey[key] = holders = [];
                // An entity's properties are read one after another, so one with a key twice is already last in its list.
                if (holders.Count == 0 || !ReferenceEquals(holders[^1], entity)) holders.Add(entity);
            }
        }

        return byKey.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    // A bit set per type, from the type bits each entity already has: a filter on a type with its total is a
    // count instead of a walk over every entity (1 ms a request for 100k entities).
    [MethodImpl(LoadingCode.Optimised)]
    private static MarkedEntities[] EntitiesByRelationshipType(EntityNode[] entities, ReadOnlySpan<ulong> typesByEntity, int typeCount)
    {
        var byType = new ulong[typeCount][];
        for (var type = 0; type < typeCount; type++) byType[type] = new ulong[(entities.Length + 63) / 64];
        for (var entity = 0; entity < typesByEntity.Length; entity++)
        {
            for (var types = typesByEntity[entity]; types != 0; types &= types - 1)
            {
                byType[BitOperations.TrailingZeroCount(types)][entity >> 6] |= 1UL << entity;
            }
        }

        return Array.ConvertAll(byType, marked => new MarkedEntities(marked, entities));
    }

    private static MarkedEntities KindSet(EntityNode[] ofKind, EntityNode[] entities)
    {
        var marked = new ulong[(entities.Length + 63) / 64];
        foreach (var entity in ofKind) marked[entity.Ordinal >> 6] |= 1UL << entity.Ordinal;
        return new MarkedEntities(marked, entities);
    }

    /// <summary>Relationship ordinals ordered by the ordinal of the entity each starts at, then by their own (a counting sort).</summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static int[] GroupedByStart(int[] starts, int entityCount)
    {
        var next = new int[entityCount + 1];
        foreach (var start in starts) next[start + 1]++;
        for (var e = 1; e <= entityCount; e++) next[e] += next[e - 1];
        var order = new int[starts.Length];
        for (var i = 0; i < starts.Length; i++) order[next[starts[i]]++] = i;
        return order;
    }

    /// <summary>
    /// The items sorted by id; an import written in id order (the usual case) is only checked, not sorted again.
    /// <paramref name="positions"/> gives, for each item sorted, where it was among those given; null when they were in order.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static T[] InIdOrder<T>(IEnumerable<T> items, Func<T, string> id, out int[]? positions)
    {
        var array = items as T[] ?? items.ToArray();
        positions = null;
        for (var i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(id(array[i - 1]), id(array[i])) > 0)
            {
                var keys = Array.ConvertAll(array, x => id(x));
                positions = [.. Enumerable.Range(0, array.Length)];
                Array.Sort(keys, positions, StringComparer.Ordinal);
                var given = array;
                return Array.ConvertAll(positions, p => given[p]);
            }
        }

        return array;
    }

    /// <summary>Each entity's ordinal by the position it had among those given (<see cref="InIdOrder"/>'s positions turned round).</summary>
    private static int[] OrdinalsByPosition(int[] positions)
    {
        var ordinalAt = new int[positions.Length];
        for (var ordinal = 0; ordinal < positions.Length; ordinal++) ordinalAt[positions[ordinal]] = ordinal;
        return ordinalAt;
    }

    public EntityNode? FindEntity(string id) => entitiesById.GetValueOrDefault(id);

    /// <summary>
    /// The relationship with this id, by binary search: relationships are in id order, and a dictionary
    /// of a million ids took 28 MB and most of a second of the build for a lookup that is rare (a
    /// relationship by id, a page's cursor).
    /// </summary>
    public RelationshipNode? FindRelationship(string id)
    {
        int low = 0, high = relationships.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (relationships.IdJsonOf(mid).CompareOrdinal(id) < 0) low = mid + 1;
            else high = mid;
        }

        return low < relationships.Count && relationships.IdJsonOf(low).CompareOrdinal(id) == 0 ? relationships[low] : null;
    }

    public IReadOnlyList<EntityNode> EntitiesOfKind(EntityKind kind) => entitiesByKind[kind];

    /// <summary>The entities of a kind as a bit set, to intersect with other conditions' sets.</summary>
    internal MarkedEntities KindSet(EntityKind kind) => kindSets[kind];

    /// <summary>The entities that start or end a relationship of the type, in id order.</summary>
    internal MarkedEntities EntitiesTakingPartIn(RelationshipType type) => entitiesByRelationshipType[(int)type];

    /// <summary>The entities with a property of this key, in id order.</summary>
    public IReadOnlyList<EntityNode> EntitiesWithProperty(string key) => entitiesByPropertyKey.GetValueOrDefault(key, []);

    /// <summary>The relationships an entity starts, in id order.</summary>
    public RelationshipRun Outgoing(EntityNode entity) => Compact.OutgoingRun(entity.Ordinal);

    /// <summary>The relationships an entity ends, in id order.</summary>
    public RelationshipRun Incoming(EntityNode entity) => Compact.IncomingRun(entity.Ordinal);

    /// <summary>
    /// Every relationship that the filter keeps, in id order (or backward), after the one ordinal and before the
    /// other. A filter reads only the groups by type and ends' kinds it keeps (<see cref="RelationshipGroups"/>), merged
    /// back into id order; with no filter, or a date that keeps few of many (<see cref="GroupsToWalk"/>), types, dates and
    /// the ends' kinds are tested on flat arrays read in order. Either way a relationship's node is made only when it is kept.
    /// </summary>
    public IEnumerable<RelationshipNode> AllRelationships(GraphRelationshipFilter filter, int afterOrdinal, int beforeOrdinal = int.MaxValue, bool backward = false)
    {
        var start = Math.Max(afterOrdinal + 1, 0);
        var end = Math.Max(start, Math.Min(beforeOrdinal, relationships.Count));
        // A filter that keeps nothing (an empty list of types or kinds): no pass over the arrays to find that out.
        if (filter.KeepsNothing) yield break;
        if (GroupsToWalk(filter) is { } kept)
        {
            var day = filter.AsOf?.DayNumber;
            foreach (var ordinal in GroupsInIdOrder.Walk(Groups, kept, start, end, backward))
            {
                if (day is null || Compact.HoldsOn(ordinal, day.Value)) yield return relationships[ordinal];
            }

            yield break;
        }

        var (from, to, step) = backward ? (end - 1, start - 1, -1) : (start, end, 1);
        var endKinds = filter.HasKinds ? EndKinds : null;
        for (var i = filter.NextKept(from, to, step, Compact, endKinds); i != to; i = filter.NextKept(i + step, to, step, Compact, endKinds))
        {
            yield return relationships[i];
        }
    }

    /// <summary>
    /// The groups a filtered walk reads (<see cref="KeptGroups"/>), or null when a pass over the flat arrays reads less.
    /// Without a date the groups are always read, since every ordinal they give is kept: a page reads its own
    /// relationships and a halving of each group, wherever its cursor is. With a date, an ordinal the groups give may
    /// not hold on it, and a step of the merge costs several of the pass's, which tests a relationship's date by one flag
    /// of its valid time: so the pass is taken when the groups hold an eighth of all relationships or more and the date
    /// keeps less than an eighth of them.
    /// </summary>
    private List<int>? GroupsToWalk(GraphRelationshipFilter filter)
    {
        if (filter.Types is null && !filter.HasKinds && filter.AsOf is null) return null;
        var (kept, read, holding) = KeptGroups(filter);
        return filter.AsOf is null || read * 8 < relationships.Count || holding * 8 >= read ? kept : null;
    }

    /// <summary>
    /// The groups the filter keeps, less those in which nothing holds on its date, with how many relationships they hold
    /// and how many of those the filter keeps (all of them without a date; those holding on it, from each group's sorted
    /// dates, with one).
    /// </summary>
    private (List<int> Groups, long Read, long Kept) KeptGroups(GraphRelationshipFilter filter)
    {
        var all = Groups;
        var kept = new List<int>();
        long read = 0, holding = 0;
        foreach (var group in all.NonEmpty)
        {
            if (!filter.KeepsGroup(group)) continue;
            var size = all.Size(group);
            var onTheDay = filter.AsOf is { } date ? all.HoldingOn(group, date.DayNumber) : size;
            if (onTheDay == 0) continue;
            kept.Add(group);
            (read, holding) = (read + size, holding + onTheDay);
        }

        return (kept, read, holding);
    }

    /// <summary>
    /// How many relationships <see cref="AllRelationships"/> lists from the start: from the counts by type; with the ends'
    /// kinds or a date, from the counts of the groups the filter keeps (<see cref="KeptGroups"/>), where a total by
    /// kinds on a date passed over a million relationships, 12 ms of a core, every request.
    /// </summary>
    public int AllRelationshipsCount(GraphRelationshipFilter filter)
    {
        if (filter.KeepsNothing) return 0;
        return !filter.HasKinds && filter.AsOf is null
            ? (filter.Types ?? (IEnumerable<RelationshipType>)RelationshipCounts.Keys).Sum(type => RelationshipCounts[type])
            : (int)KeptGroups(filter).Kept;
    }

    /// <summary>Each relationship's ends' kinds (<see cref="CompactAdjacency.EndKinds"/>), worked out the first time a list asks for them (1 MB for a million).</summary>
    private byte[] EndKinds => LazyInitializer.EnsureInitialized(ref endKinds, Compact.EndKinds);

    /// <summary>The relationships grouped by type and ends' kinds, made the first time a filtered list asks for them (4 MB for a million).</summary>
    private RelationshipGroups Groups => LazyInitializer.EnsureInitialized(ref groups, () => new RelationshipGroups(Compact, EndKinds, typeCount));

    /// <summary>
    /// The relationships citing a document, or one paragraph of it, that hold on a date if one is given, in
    /// id order (or backward), after the one ordinal and before the other (both found by halving the list).
    /// The date is tested on the compact adjacency's day numbers, so a relationship is read only when it is kept.
    /// </summary>
    public IEnumerable<RelationshipNode> CitedBy(EntityNode document, int? paragraph, DateOnly? asOf, int afterOrdinal, int beforeOrdinal = int.MaxValue, bool backward = false)
    {
        var ordinals = citations.Value.Of(document.Id, paragraph).Ordinals;
        var start = SortedOrdinals.Place(ordinals.Span, afterOrdinal + 1);
        var end = Math.Max(start, SortedOrdinals.Place(ordinals.Span, beforeOrdinal));
        var (from, to, step) = backward ? (end - 1, start - 1, -1) : (start, end, 1);
        for (var i = from; i != to; i += step)
        {
            var ordinal = ordinals.Span[i];
            if (asOf is not { } date || Compact.HoldsOn(ordinal, date.DayNumber)) yield return relationships[ordinal];
        }
    }

    /// <summary>How many relationships <see cref="CitedBy"/> lists from the start: a count of numbers, without reading any relationship.</summary>
    public int CitedByCount(EntityNode document, int? paragraph, DateOnly? asOf)
    {
        var cited = citations.Value.Of(document.Id, paragraph);
        if (asOf is not { } date) return cited.Ordinals.Length;
        if (cited.Ordinals.Length < SortedDatesFrom) return Compact.CountHolding(cited.Ordinals.Span, date.DayNumber);
        // Kept with the list (one per document and per paragraph, of this snapshot), once a count on a date asks for it.
        return cited.Holding(Compact).On(date.DayNumber);
    }

    public int Degree(EntityNode entity) => Outgoing(entity).Count + Incoming(entity).Count;

    /// <summary>
    /// The relationships of an entity in relationship-id order, after the given ordinal and before the other, that
    /// the filter keeps. With <see cref="Direction.Both"/> the outgoing and incoming lists are merged, a self-loop once.
    /// </summary>
    public IEnumerable<Adjacent> Adjacents(EntityNode entity, Direction direction, RelationshipFilter filter, int afterOrdinal = -1, int beforeOrdinal = int.MaxValue)
    {
        var outgoing = direction == Direction.In ? default : Outgoing(entity);
        var incoming = direction == Direction.Out ? default : Incoming(entity);
        var o = FirstAfter(outgoing, afterOrdinal);
        var i = FirstAfter(incoming, afterOrdinal);
        while (o < outgoing.Count || i < incoming.Count)
        {
            Adjacent next;
            if (i >= incoming.Count || (o < outgoing.Count && outgoing.OrdinalAt(o) <= incoming.OrdinalAt(i)))
            {
                // A self-loop is in both lists: taken once, as outgoing.
                if (i < incoming.Count && incoming.OrdinalAt(i) == outgoing.OrdinalAt(o)) i++;
                var relationship = outgoing[o++];
                next = new Adjacent(relationship, relationship.To, Direction.Out);
            }
            else
            {
                var relationship = incoming[i++];
                next = new Adjacent(relationship, relationship.From, Direction.In);
            }

            if (next.Relationship.Ordinal >= beforeOrdinal) yield break;
            if (filter.Keeps(next.Relationship, next.Other)) yield return next;
        }
    }

    /// <summary>
    /// What <see cref="Adjacents"/> lists between the two ordinals, from the last backward: the merge run from
    /// the lists' ends, a self-loop once (outgoing, as forward).
    /// </summary>
    public IEnumerable<Adjacent> AdjacentsBackward(EntityNode entity, Direction direction, RelationshipFilter filter, int afterOrdinal, int beforeOrdinal)
    {
        var outgoing = direction == Direction.In ? default : Outgoing(entity);
        var incoming = direction == Direction.Out ? default : Incoming(entity);
        var o = FirstAfter(outgoing, beforeOrdinal - 1) - 1;
        var i = FirstAfter(incoming, beforeOrdinal - 1) - 1;
        while (o >= 0 || i >= 0)
        {
            Adjacent next;
            if (i < 0 || (o >= 0 && outgoing.OrdinalAt(o) >= incoming.OrdinalAt(i)))
            {
                if (i >= 0 && incoming.OrdinalAt(i) == outgoing.OrdinalAt(o)) i--;
                var relationship = outgoing[o--];
                next = new Adjacent(relationship, relationship.To, Direction.Out);
            }
            else
            {
                var relationship = incoming[i--];
                next = new Adjacent(relationship, relationship.From, Direction.In);
            }

            if (next.Relationship.Ordinal <= afterOrdinal) yield break;
            if (filter.Keeps(next.Relationship, next.Other)) yield return next;
        }
    }

    /// <summary>
    /// At most <paramref name="count"/> of an entity's relationships after the given ordinal (and before the
    /// other) that the filter keeps, in the order of <see cref="Adjacents"/>. A filter is tested on the compact adjacency's arrays,
    /// so one that keeps few of a hub's thousand relationships reads only the objects it keeps. Without one,
    /// the entity's own lists are read as before: looking each step's objects up by ordinal in the arrays of
    /// every relationship and entity cost the two-level entity query about a tenth.
    /// </summary>
    public List<Adjacent> AdjacentsAfter(EntityNode entity, Direction direction, RelationshipFilter filter, int afterOrdinal, int count, int beforeOrdinal = int.MaxValue)
    {
        var page = new List<Adjacent>(Math.Clamp(count, 0, 128));
        var kept = new CompactFilter(Compact, filter);
        if (count <= 0) return page;
        if (kept.KeepsAll)
        {
            page.AddRange(Adjacents(entity, direction, filter, afterOrdinal, beforeOrdinal).Take(count));
            return page;
        }

        foreach (var step in Compact.Steps(entity.Ordinal, direction, kept))
        {
            if (step.Relationship <= afterOrdinal) continue;
            if (step.Relationship >= beforeOrdinal) break;
            page.Add(new Adjacent(relationships[step.Relationship], entities[step.Other], step.Direction));
            if (page.Count == count) break;
        }

        return page;
    }

    private static int FirstAfter(RelationshipRun sorted, int afterOrdinal)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted.OrdinalAt(mid) <= afterOrdinal) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}

using System.Collections.Concurrent;
using Graph.Api.Model;

namespace Graph.Api.Index;

/// <summary>
/// Collects the values that rows made from objects (the model's relationships, the store's records) refer to by place
/// (<see cref="RelationshipValues"/>), from any thread: each block of id text and list once for all the rows that share that
/// very object, each description and valid time once for all the rows with an equal one (the model's relationships each
/// have a valid time of their own, and the adjacency tests a day on each distinct one).
/// </summary>
internal sealed class RelationshipValuesBuilder
{
    // A block is the same when it is the same array or mapped memory, start and length: compared by what it lies in, not its bytes.
    private readonly Places<ReadOnlyMemory<byte>> idBlocks = new(EqualityComparer<ReadOnlyMemory<byte>>.Default);
    private readonly Places<string> texts = new(StringComparer.Ordinal);
    private readonly Places<ValidTime> validTimes = new(EqualityComparer<ValidTime>.Default);

    // Each valid time object's place, found by reference: the store's rows share one object for each pair of dates, and
    // hashing a million valid times by value (two dates' texts each) was a quarter of a second of a first start's build.
    private readonly ConcurrentDictionary<ValidTime, int> validTimeObjects = new(ReferenceEqualityComparer.Instance);
    private readonly Places<IReadOnlyList<TypedProperty>> propertyLists = new(ReferenceEqualityComparer.Instance);
    private readonly Places<IReadOnlyList<Citation>> citationLists = new(ReferenceEqualityComparer.Instance);

    /// <summary>The row of a relationship with these fields.</summary>
    public RelationshipRow Row(
        JsonText id, RelationshipType type, string? description, ValidTime validTime, IReadOnlyList<TypedProperty> properties, IReadOnlyList<Citation> sources)
    {
        var (block, start) = id.Place;
        return new(idBlocks.Of(block), start, id.Length, type, description is null ? RelationshipValues.None : texts.Of(description),
            ValidTimePlace(validTime), propertyLists.Of(properties), citationLists.Of(sources));
    }

    private int ValidTimePlace(ValidTime validTime) =>
        validTimeObjects.TryGetValue(validTime, out var place) ? place : validTimeObjects.GetOrAdd(validTime, validTimes.Of(validTime));

    /// <summary>The values collected, once every row is made.</summary>
    public RelationshipValues Build() =>
        new(idBlocks.Items(), texts.Items(), validTimes.Items(), propertyLists.Items(), citationLists.Items());

    /// <summary>Each item's place, given out in the order items are first met.</summary>
    private sealed class Places<T>(IEqualityComparer<T> comparer) where T : notnull
    {
        private readonly ConcurrentDictionary<T, int> places = new(comparer);
        private readonly List<T> items = [];

        public int Of(T item) => places.TryGetValue(item, out var place) ? place : places.GetOrAdd(item, Added);

        // Two threads meeting a new item at once may each add it; the place not kept is then never read.
        private int Added(T item)
        {
            lock (items)
            {
                items.Add(item);
                return items.Count - 1;
            }
        }

        public T[] Items()
        {
            lock (items) return [.. items];
        }
    }
}

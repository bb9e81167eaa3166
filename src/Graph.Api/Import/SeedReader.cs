using System.Collections.Concurrent;
using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>Reads the import format from JSON text.</summary>
internal static class SeedReader
{
    // Source-generated metadata (SeedJsonContext): a large import is not read through reflection-built converters.

    // Relationships are read side by side in runs of about this size: a million of them (160 MB) took
    // one core five to six seconds. Smaller files are one run and read in one go.
    internal const int RunBytes = 8 << 20;

    public static SeedFile Read(byte[] utf8Json) => Read(utf8Json, Environment.ProcessorCount > 1 ? RunBytes : int.MaxValue);

    /// <summary>
    /// Reads a file whose relationships span more than <paramref name="runBytes"/> in runs on every
    /// core; the result is the same as reading it whole. Anything the runs cannot read (a malformed
    /// file among them) is read whole instead, so errors are reported exactly as before.
    /// </summary>
    internal static SeedFile Read(byte[] utf8Json, int runBytes) =>
        (utf8Json.Length > runBytes ? ReadInRuns(utf8Json, runBytes) : null) ?? Whole(utf8Json);

    public static SeedFile Read(string json) => Refusing(() => JsonSerializer.Deserialize(json, SeedJsonContext.Default.SeedFile));

    private static SeedFile Whole(byte[] utf8Json) => Refusing(() => JsonSerializer.Deserialize(utf8Json, SeedJsonContext.Default.SeedFile));

    /// <summary>A whole file read, its reader's complaints turned into the import's refusal.</summary>
    private static SeedFile Refusing(Func<SeedFile?> deserialize)
    {
        try
        {
            return Interning(deserialize, pool: null) ?? throw Rejected("The file holds JSON null, not a graph object.");
        }
        catch (JsonException ex)
        {
            throw Rejected($"The file is not valid import JSON: {ex.Message}");
        }
    }

    /// <summary>A part of a file read in runs; null when the reader refuses it (the file is then read whole).</summary>
    private static T? OrNull<T>(Func<T?> deserialize, ConcurrentDictionary<string, string> pool) where T : class
    {
        try
        {
            return Interning(deserialize, pool);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads with repeated strings and citations shared: strings into <paramref name="pool"/>, or a pool of this read's own.</summary>
    private static T? Interning<T>(Func<T?> deserialize, ConcurrentDictionary<string, string>? pool)
    {
        using var interning = InternedStringConverter.Begin(pool);
        using var citations = SharedCitationsConverter.Begin();
        return deserialize();
    }

    /// <summary>The format's reader rules (comments, trailing commas, depth) for passes that make no objects.</summary>
    internal static JsonReaderOptions ReaderOptions
    {
        get
        {
            var options = SeedJsonContext.Default.Options;
            return new JsonReaderOptions { CommentHandling = options.ReadCommentHandling, AllowTrailingCommas = options.AllowTrailingCommas, MaxDepth = options.MaxDepth };
        }
    }

    /// <summary>
    /// Each run of relationships read on a core of its own as soon as the pass over the file finds it,
    /// then the rest of the file (an empty array where the relationships were); null if any part fails.
    /// All parts share one pool of strings, so a relationship's ends are its entities' own id strings.
    /// </summary>
    internal static SeedFile? ReadInRuns(byte[] utf8Json, int runBytes)
    {
        var pool = InternedStringConverter.NewPool();
        var runs = new List<Task<List<SeedRelationship?>?>>();
        var layout = SeedLayout.Find(utf8Json, ReaderOptions, runBytes, run => runs.Add(Task.Run(() => ReadRun(utf8Json, run, pool))));
        var rest = layout is null ? null : ReadRest(utf8Json, layout.RelationshipsArray, pool);
        // Wait for every run, also on failure, so none is still reading while the file is read whole.
        Task.WaitAll(runs);
        if (rest is null || runs.Any(r => r.Result is null)) return null;
        var relationships = new List<SeedRelationship?>(runs.Sum(r => r.Result!.Count));
        foreach (var run in runs) relationships.AddRange(run.Result!);
        return rest with { Relationships = relationships };
    }

    private static List<SeedRelationship?>? ReadRun(byte[] utf8Json, Range run, ConcurrentDictionary<string, string> pool)
    {
        var (start, length) = run.GetOffsetAndLength(utf8Json.Length);
        return OrNull(() => RelationshipRunReader.Read(utf8Json.AsSpan(start, length), ReaderOptions) ?? Serialized(utf8Json.AsSpan(start, length)), pool);
    }

    // A run the run reader leaves alone, read by the serializer as an array of its own.
    private static List<SeedRelationship?> Serialized(ReadOnlySpan<byte> run)
    {
        byte[] array = [(byte)'[', .. run, (byte)']'];
        return JsonSerializer.Deserialize(array, SeedJsonContext.Default.ListSeedRelationship) ?? [];
    }

    private static SeedFile? ReadRest(byte[] utf8Json, Range relationshipsArray, ConcurrentDictionary<string, string> pool)
    {
        var (start, length) = relationshipsArray.GetOffsetAndLength(utf8Json.Length);
        byte[] rest = [.. utf8Json.AsSpan(0, start), .. "[]"u8, .. utf8Json.AsSpan(start + length)];
        return OrNull(() => JsonSerializer.Deserialize(rest, SeedJsonContext.Default.SeedFile), pool);
    }

    private static ImportRejectedException Rejected(string message) =>
        new([new ImportError("IMPORT_MALFORMED", "$", message)]);
}

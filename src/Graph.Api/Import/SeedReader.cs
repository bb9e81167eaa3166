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

    // The file is read into the runs' buffers this much at a time.
    internal const int BlockBytes = 1 << 20;

    /// <summary>
    /// Reads an import file: a large one in runs side by side as it is read (<see cref="SeedSplitter"/>);
    /// a small one, or one the runs cannot read, whole. On a single core the runs take turns, and are
    /// still worth it: the file is never held whole, and with a million relationships the service was
    /// ready as soon with 230–280 MiB less RSS (bench/HISTORY.md, round 31).
    /// </summary>
    public static SeedFile ReadFile(string path, CancellationToken cancellationToken)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan))
        {
            if (stream.Length > RunBytes && ReadInRuns(stream, RunBytes, BlockBytes, cancellationToken) is { } file) return file;
        }

        return Whole(File.ReadAllBytes(path));
    }

    /// <summary>
    /// Reads a file whose relationships span more than <paramref name="runBytes"/> in runs on every
    /// core; the result is the same as reading it whole. Anything the runs cannot read (a malformed
    /// file among them) is read whole instead, so errors are reported exactly as before.
    /// </summary>
    internal static SeedFile Read(byte[] utf8Json, int runBytes, int blockBytes = BlockBytes) =>
        (utf8Json.Length > runBytes ? ReadInRuns(new MemoryStream(utf8Json, writable: false), runBytes, blockBytes, CancellationToken.None) : null) ?? Whole(utf8Json);

    public static SeedFile Read(string json) => Refusing(() => JsonSerializer.Deserialize(json, SeedJsonContext.Default.SeedFile));

    private static SeedFile Whole(byte[] utf8Json)
    {
        var start = StartOfJson(utf8Json);
        if (start < 0) throw Rejected("The file is not UTF-8: it looks like UTF-16 (as some Windows editors save). Save it as UTF-8.");
        return Refusing(() => JsonSerializer.Deserialize(utf8Json.AsSpan(start), SeedJsonContext.Default.SeedFile));
    }

    /// <summary>
    /// Where the JSON begins: after a UTF-8 byte order mark, which Windows editors write and the JSON reader
    /// does not skip (the endpoint skips one in a request too); -1 when the text is UTF-16, which the reader
    /// would refuse as an invalid first byte without saying why.
    /// </summary>
    private static int StartOfJson(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8)) return 3;
        // A byte order mark of UTF-16 either way round, or the NUL beside each ASCII character of UTF-16 without one.
        return start.StartsWith((byte[])[0xFF, 0xFE]) || start.StartsWith((byte[])[0xFE, 0xFF]) || (start.Length >= 2 && (start[0] == 0 || start[1] == 0)) ? -1 : 0;
    }

    /// <summary>A whole file read, its reader's complaints turned into the import's refusal.</summary>
    private static SeedFile Refusing(Func<SeedFile?> deserialize)
    {
        try
        {
            return Interning(deserialize, pool: null) ?? throw Rejected("The file holds JSON null, not a graph object.");
        }
        catch (JsonException ex)
        {
            throw new ImportRejectedException([SeedJsonErrors.Describe(ex)]);
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
    /// Each run of relationships read on a core of its own as soon as the pass over the stream finds it,
    /// and the rest of the file (an empty array where the relationships were); null if any part fails.
    /// What comes before the relationships (the entities, usually) is read as soon as they begin, and is
    /// the whole rest when nothing but the closing brace follows them. All parts share one pool of
    /// strings, so a relationship's ends are its entities' own id strings. The pass runs on a thread of
    /// its own: it mostly waits for a free buffer, and the pool's threads are left to read the runs.
    /// </summary>
    internal static SeedFile? ReadInRuns(Stream stream, int runBytes, int blockBytes, CancellationToken cancellationToken)
    {
        Span<byte> start = stackalloc byte[3];
        var startLength = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var jsonStart = StartOfJson(start[..startLength]);
        if (jsonStart < 0) return null;
        stream.Position = jsonStart;
        var pool = InternedStringConverter.NewPool();
        var runs = new List<Task<List<SeedRelationship?>?>>();
        (byte[] Bytes, Task<SeedFile?> Read)? begun = null;
        // The entities' ids, known before the first run is found (both happen on the splitter's thread, in that order).
        var entityIds = EntityIdTable.None;
        using var buffers = new RunBuffers(Environment.ProcessorCount + 1, runBytes + blockBytes);
        var split = Task.Factory.StartNew(
            () => SeedSplitter.Split(
                stream, ReaderOptions, buffers, runBytes, (buffer, run) => runs.Add(Task.Run(() => ReadRun(buffer, run, buffers, pool, entityIds), CancellationToken.None)),
                cancellationToken, restBegun: rest =>
                {
                    entityIds = EntityIdTable.Read(rest, ReaderOptions, pool);
                    begun = (rest, Task.Run(() => ReadRest([.. rest, .. "}"u8], pool), CancellationToken.None));
                }),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        byte[]? restBytes;
        try
        {
            restBytes = split.GetAwaiter().GetResult();
        }
        finally
        {
            // Wait for every part, also on failure, so none is still reading while the file is read whole.
            var parts = runs.ConvertAll(run => (Task)run);
            if (begun is { } part) parts.Add(part.Read);
            Task.WaitAll(parts, CancellationToken.None);
        }

        var rest = restBytes is null ? null : begun is { } early && EndsAfter(restBytes, early.Bytes.Length) ? early.Read.Result : ReadRest(restBytes, pool);
        if (rest is null || runs.Any(r => r.Result is null)) return null;
        var relationships = new List<SeedRelationship?>(runs.Sum(r => r.Result!.Count));
        foreach (var run in runs) relationships.AddRange(run.Result!);
        return rest with { Relationships = relationships };
    }

    /// <summary>
    /// Whether the file ends right after the relationships (only the object's closing brace, and
    /// whitespace, follow them): the rest read when they began is then the whole rest.
    /// </summary>
    private static bool EndsAfter(byte[] rest, int begun) => rest.AsSpan(begun).Trim(" \t\r\n"u8).SequenceEqual("}"u8);

    private static List<SeedRelationship?>? ReadRun(byte[] buffer, Range run, RunBuffers buffers, ConcurrentDictionary<string, string> pool, EntityIdTable entityIds)
    {
        try
        {
            var (start, length) = run.GetOffsetAndLength(buffer.Length);
            return OrNull(() => RelationshipRunReader.Read(buffer.AsSpan(start, length), ReaderOptions, entityIds) ?? Serialized(buffer.AsSpan(start, length)), pool);
        }
        finally
        {
            buffers.Return(buffer);
        }
    }

    // A run the run reader leaves alone, read by the serializer as an array of its own.
    private static List<SeedRelationship?> Serialized(ReadOnlySpan<byte> run)
    {
        byte[] array = [(byte)'[', .. run, (byte)']'];
        return JsonSerializer.Deserialize(array, SeedJsonContext.Default.ListSeedRelationship) ?? [];
    }

    private static SeedFile? ReadRest(byte[] rest, ConcurrentDictionary<string, string> pool) =>
        OrNull(() => JsonSerializer.Deserialize(rest, SeedJsonContext.Default.SeedFile), pool);

    private static ImportRejectedException Rejected(string message) =>
        new([new ImportError("IMPORT_MALFORMED", "$", message)]);
}

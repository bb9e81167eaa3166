using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Api.Import;

/// <summary>
/// Reads a JSON string as one shared instance per distinct value within one <see cref="SeedReader"/>
/// read. An import repeats the same few values over and over (types, kinds, dates, the ends of a
/// million relationships naming a hundred thousand entities, a source document); one string each
/// instead of one per occurrence takes a third off the parsed file (742 → 507 MiB for a million
/// relationships), and the records, the store and the index then share those strings too.
/// </summary>
internal sealed class InternedStringConverter : JsonConverter<string>
{
    private const int MaxInternedChars = 128;

    // Concurrent, so the runs of one file read side by side share one pool (SeedReader).
    [ThreadStatic]
    private static ConcurrentDictionary<string, string>? pool;

    /// <summary>For converters that read strings of the import themselves.</summary>
    public static InternedStringConverter Instance { get; } = new();

    public override bool HandleNull => false;

    /// <summary>A pool for one read of a file, to be shared by the threads reading it.</summary>
    public static ConcurrentDictionary<string, string> NewPool() => new(StringComparer.Ordinal);

    /// <summary>Interns into <paramref name="shared"/> (or a pool of its own) on this thread until the returned scope is disposed.</summary>
    public static Scope Begin(ConcurrentDictionary<string, string>? shared = null)
    {
        pool = shared ?? NewPool();
        return default;
    }

    [MethodImpl(LoadingCode.Optimised)]
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (pool is null || reader.TokenType != JsonTokenType.String || length > MaxInternedChars) return reader.GetString();

        // Unescaped UTF-16 is never longer than the UTF-8 text; CopyString unescapes and refuses invalid UTF-8 as GetString does.
        Span<char> chars = stackalloc char[MaxInternedChars];
        var written = reader.CopyString(chars);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = chars[..written];
        if (lookup.TryGetValue(text, out var shared)) return shared;
        var created = text.ToString();
        return pool.GetOrAdd(created, created);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Ends interning on this thread, letting the pool go.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose() => pool = null;
    }
}

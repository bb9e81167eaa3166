using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Graph.Api.Import;

/// <summary>
/// One pass over an import file as it is read from a stream, block by block, with the reader under
/// the format's rules (so the whole file's syntax is checked): the top-level <c>relationships</c>
/// array is cut into runs of whole elements of about the same size, each handed on as soon as it is
/// complete, in a buffer of <see cref="RunBuffers"/> that its reader gives back; everything else is
/// kept as the rest of the file, with an empty array where the relationships were.
/// </summary>
/// <remarks>
/// Reading a 180 MB file into one array first took 1.1–1.2 s on the machines measured, before any run
/// could be read, most of it spent on the array's fresh pages (0.4 s only on the program's first touch
/// of pages the kernel had just filled). Here the file passes through a few buffers that are used
/// again, and the first run is read while the rest of the file still is.
/// </remarks>
internal sealed class SeedSplitter
{
    private readonly Stream stream;
    private readonly RunBuffers buffers;
    private readonly int runBytes;
    private readonly Action<byte[], Range> found;
    private readonly Action<byte[]>? restBegun;
    private readonly ArrayBufferWriter<byte> rest = new();
    private byte[] buffer;
    private int filled;
    private int position;
    private JsonReaderState state;
    private bool final;
    private bool inRelationships;
    private bool seenRelationships;
    private int restFrom;
    private int runStart = -1;

    private SeedSplitter(Stream stream, JsonReaderOptions options, RunBuffers buffers, int runBytes, Action<byte[], Range> found, Action<byte[]>? restBegun)
    {
        this.stream = stream;
        this.buffers = buffers;
        this.runBytes = runBytes;
        this.found = found;
        this.restBegun = restBegun;
        state = new JsonReaderState(options);
        buffer = buffers.Rent();
    }

    /// <summary>
    /// The rest of the file, or null when the file is not laid out so: not valid JSON under the format's
    /// reader rules, not an object, no <c>relationships</c> array or more than one, or a token longer
    /// than a buffer. The caller then reads the file whole, which also reports what is wrong with it in
    /// the usual words. Runs found before that are handed on all the same. <paramref name="restBegun"/>,
    /// if given, is told the rest as far as the start of the relationships (with the empty array), so
    /// the entities usually written there can be read alongside the runs.
    /// </summary>
    public static byte[]? Split(Stream stream, JsonReaderOptions options, RunBuffers buffers, int runBytes, Action<byte[], Range> found,
        CancellationToken cancellationToken, Action<byte[]>? restBegun = null)
    {
        var splitter = new SeedSplitter(stream, options, buffers, runBytes, found, restBegun);
        try
        {
            return splitter.Run(cancellationToken) ? splitter.rest.WrittenSpan.ToArray() : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            buffers.Return(splitter.buffer);
        }
    }

    [MethodImpl(LoadingCode.Optimised)]
    private bool Run(CancellationToken cancellationToken)
    {
        var ended = false;
        var relationshipsNext = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!final && !Fill()) return false;
            var reader = new Utf8JsonReader(buffer.AsSpan(position, filled - position), final, state);
            var consumed = 0;
            var moved = false;
            while (!moved && reader.Read())
            {
                var tokenStart = position + (int)reader.TokenStartIndex;
                if (inRelationships && reader.TokenType == JsonTokenType.EndArray)
                {
                    inRelationships = false;
                    restFrom = position + (int)reader.BytesConsumed;
                    moved = HandOn(position + consumed, restFrom);
                    restFrom = moved ? position : restFrom;
                }
                else if (inRelationships)
                {
                    // An element that goes on in the next block is read again, whole, from where the last one ended.
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) break;
                    runStart = runStart < 0 ? tokenStart : runStart;
                    var end = position + (int)reader.BytesConsumed;
                    // A full run is handed on with its buffer; reading goes on in another.
                    moved = end - runStart >= runBytes && HandOn(end, end);
                }
                else if (relationshipsNext)
                {
                    // Only an array is cut into runs; a second one (the last would win) leaves the file to be read whole.
                    relationshipsNext = false;
                    if (seenRelationships || reader.TokenType != JsonTokenType.StartArray) return false;
                    rest.Write(buffer.AsSpan(restFrom, tokenStart - restFrom));
                    rest.Write("[]"u8);
                    restBegun?.Invoke(rest.WrittenSpan.ToArray());
                    inRelationships = seenRelationships = true;
                }
                else if (reader.CurrentDepth == 0)
                {
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndObject)) return false;
                    ended = reader.TokenType == JsonTokenType.EndObject;
                }
                else
                {
                    relationshipsNext = reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("relationships"u8);
                }

                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
            }

            if (moved) continue;
            position += consumed;
            if (final)
            {
                rest.Write(buffer.AsSpan(restFrom, filled - restFrom));
                return ended && seenRelationships;
            }
        }
    }

    /// <summary>
    /// Hands on the run that ends at <paramref name="end"/>, if one has begun, and moves what follows it to the
    /// start of another buffer, where reading resumes at what was <paramref name="resume"/>. True when a run was handed on.
    /// </summary>
    private bool HandOn(int end, int resume)
    {
        if (runStart < 0) return false;
        var full = buffer;
        buffer = buffers.Rent();
        full.AsSpan(end, filled - end).CopyTo(buffer);
        filled -= end;
        position = resume - end;
        found(full, runStart..end);
        runStart = -1;
        return true;
    }

    /// <summary>Reads the next block into the buffer, making room first; false when there is no room to make.</summary>
    private bool Fill()
    {
        if (filled == buffer.Length)
        {
            // A run as long as the buffer is handed on as it is (its next element is longer than a block).
            if (inRelationships && runStart == 0) return HandOn(position, position) && Fill();
            if (!inRelationships)
            {
                rest.Write(buffer.AsSpan(restFrom, position - restFrom));
                restFrom = position;
            }

            // The bytes still needed (a run begun, the token being read) move to the buffer's start.
            var keep = runStart >= 0 ? runStart : position;
            if (keep == 0) return false;
            buffer.AsSpan(keep, filled - keep).CopyTo(buffer);
            (filled, position, restFrom) = (filled - keep, position - keep, restFrom - keep);
            runStart = runStart >= 0 ? runStart - keep : -1;
        }

        var read = stream.Read(buffer, filled, buffer.Length - filled);
        final = read == 0;
        filled += read;
        return true;
    }
}

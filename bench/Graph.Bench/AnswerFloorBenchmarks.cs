using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Graph.Api.Execution;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Traversal;

namespace Graph.Bench;

/// <summary>
/// Floors for the load run's neighbourhood answer (100k / 1M graph): the same traversal and the same
/// bytes as the compiled plan (<see cref="ExecutionBenchmarks"/>), written by code that knows the query.
/// The gap to the plan is what its general loop costs; the gap between the two floors is what writing
/// the constant text between values in whole pieces saves.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class AnswerFloorBenchmarks
{
    private GraphIndex index = null!;

    [GlobalSetup]
    public void Setup()
    {
        index = ExecutionBenchmarks.LoadLargeGraph();
        // Both floors must write the same answer; a length that differs means one of them is not it.
        if (HandWritten() != Template()) throw new InvalidOperationException($"the floors differ: {HandWritten()} against {Template()} bytes");
    }

    private NeighborhoodResult Explore() => ExecutionBenchmarks.LoadRunNeighborhood(index);

    /// <summary>
    /// The answer written through the plans' writer call by call (objects, names, values), straight from
    /// the traversal's result: what the plan would cost with no general loop around the calls.
    /// </summary>
    [Benchmark]
    public int HandWritten()
    {
        var result = Explore();
        using var output = new JsonOutput(150_000);
        output.WriteStartObject();
        output.WriteRaw(DataKey);
        output.WriteStartObject();
        output.WriteRaw(NeighborhoodKey);
        output.WriteStartObject();
        output.WriteRaw(TruncatedKey);
        output.WriteBooleanValue(result.Truncated);
        output.WriteSeparator();
        output.WriteRaw(NodesKey);
        output.WriteStartArray();
        for (var i = 0; i < result.Nodes.Count; i++)
        {
            var reached = result.Nodes[i];
            if (i > 0) output.WriteSeparator();
            output.WriteStartObject();
            output.WriteRaw(DistanceKey);
            output.WriteNumberValue(reached.Distance);
            output.WriteSeparator();
            output.WriteRaw(EntityKey);
            output.WriteStartObject();
            output.WriteRaw(IdKey);
            output.WriteStringValue(reached.Entity.IdJson);
            output.WriteSeparator();
            output.WriteRaw(NameKey);
            output.WriteStringValue(reached.Entity.NameJson);
            output.WriteSeparator();
            output.WriteRaw(KindKey);
            output.WriteStringValue(KindNames[(int)reached.Entity.Kind]);
            output.WriteEndObject();
            output.WriteEndObject();
        }

        output.WriteEndArray();
        output.WriteSeparator();
        output.WriteRaw(RelationshipsKey);
        output.WriteStartArray();
        for (var i = 0; i < result.Relationships.Count; i++)
        {
            var relationship = result.Relationships[i];
            if (i > 0) output.WriteSeparator();
            output.WriteStartObject();
            output.WriteRaw(IdKey);
            output.WriteStringValue(relationship.IdJson);
            output.WriteSeparator();
            output.WriteRaw(TypeKey);
            output.WriteStringValue(TypeNames[(int)relationship.Type]);
            output.WriteSeparator();
            output.WriteRaw(FromKey);
            output.WriteStartObject();
            output.WriteRaw(IdKey);
            output.WriteStringValue(relationship.From.IdJson);
            output.WriteEndObject();
            output.WriteSeparator();
            output.WriteRaw(ToKey);
            output.WriteStartObject();
            output.WriteRaw(IdKey);
            output.WriteStringValue(relationship.To.IdJson);
            output.WriteEndObject();
            output.WriteEndObject();
        }

        output.WriteEndArray();
        output.WriteEndObject();
        output.WriteEndObject();
        output.WriteEndObject();
        return output.WrittenCount;
    }

    /// <summary>The same answer as a template: the constant text between values (quotes, braces, names) copied in whole pieces.</summary>
    [Benchmark]
    public int Template()
    {
        var result = Explore();
        var buffer = ArrayPool<byte>.Shared.Rent(300_000);
        var at = 0;
        Copy(buffer, ref at, "{\"data\":{\"neighborhood\":{\"truncated\":"u8);
        Copy(buffer, ref at, result.Truncated ? "true"u8 : "false"u8);
        Copy(buffer, ref at, ",\"nodes\":["u8);
        var first = true;
        foreach (var reached in result.Nodes)
        {
            Copy(buffer, ref at, first ? "{\"distance\":"u8 : ",{\"distance\":"u8);
            first = false;
            reached.Distance.TryFormat(buffer.AsSpan(at), out var digits, default, CultureInfo.InvariantCulture);
            at += digits;
            Copy(buffer, ref at, ",\"entity\":{\"id\":\""u8);
            Copy(buffer, ref at, reached.Entity.IdJson.Utf8);
            Copy(buffer, ref at, "\",\"name\":\""u8);
            Copy(buffer, ref at, reached.Entity.NameJson.Utf8);
            Copy(buffer, ref at, "\",\"kind\":\""u8);
            Copy(buffer, ref at, KindNames[(int)reached.Entity.Kind].EncodedUtf8Bytes);
            Copy(buffer, ref at, "\"}}"u8);
        }

        Copy(buffer, ref at, "],\"relationships\":["u8);
        first = true;
        foreach (var relationship in result.Relationships)
        {
            Copy(buffer, ref at, first ? "{\"id\":\""u8 : ",{\"id\":\""u8);
            first = false;
            Copy(buffer, ref at, relationship.IdJson.Utf8);
            Copy(buffer, ref at, "\",\"type\":\""u8);
            Copy(buffer, ref at, TypeNames[(int)relationship.Type].EncodedUtf8Bytes);
            Copy(buffer, ref at, "\",\"from\":{\"id\":\""u8);
            Copy(buffer, ref at, relationship.From.IdJson.Utf8);
            Copy(buffer, ref at, "\"},\"to\":{\"id\":\""u8);
            Copy(buffer, ref at, relationship.To.IdJson.Utf8);
            Copy(buffer, ref at, "\"}}"u8);
        }

        Copy(buffer, ref at, "]}}}"u8);
        ArrayPool<byte>.Shared.Return(buffer);
        return at;
    }

    private static void Copy(byte[] buffer, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(at));
        at += bytes.Length;
    }

    private static readonly byte[] DataKey = JsonOutput.PropertyName("data"), NeighborhoodKey = JsonOutput.PropertyName("neighborhood"),
        TruncatedKey = JsonOutput.PropertyName("truncated"), NodesKey = JsonOutput.PropertyName("nodes"), DistanceKey = JsonOutput.PropertyName("distance"),
        EntityKey = JsonOutput.PropertyName("entity"), IdKey = JsonOutput.PropertyName("id"), NameKey = JsonOutput.PropertyName("name"),
        KindKey = JsonOutput.PropertyName("kind"), RelationshipsKey = JsonOutput.PropertyName("relationships"), TypeKey = JsonOutput.PropertyName("type"),
        FromKey = JsonOutput.PropertyName("from"), ToKey = JsonOutput.PropertyName("to");

    private static readonly JsonEncodedText[] KindNames = Enum.GetNames<EntityKind>().Select(n => JsonEncodedText.Encode(n.ToUpperInvariant())).ToArray();

    private static readonly JsonEncodedText[] TypeNames = Enum.GetNames<RelationshipType>().Select(n => JsonEncodedText.Encode(string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())))).ToArray();
}

using System.Text;
using BenchmarkDotNet.Attributes;
using Graph.Api.Execution;

namespace Graph.Bench;

/// <summary>
/// The pieces of the load run's neighbourhood answer (1,140 relationships, each its names with their
/// punctuation, an id, a type and two ends' ids: 14 pieces of 1 to 15 bytes), copied the general way
/// (<see cref="Span{T}"/>'s copy, one call a piece) and through the plans' writer, which copies pieces
/// of up to 16 bytes itself.
/// </summary>
[ShortRunJob]
public class RawPieceBenchmarks
{
    private const int Relationships = 1140;

    private readonly byte[][] pieces = new[]
    {
        "{\"id\":\"", "rel-00012345", "\",\"type\":\"", "PARTICIPATES_IN", "\",\"from\":", "{\"id\":\"", "person-0000007", "\"}",
        ",\"to\":", "{\"id\":\"", "topic-0050011", "\"}", "}", ",",
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    private readonly byte[] buffer = new byte[1 << 20];

    [Benchmark(Baseline = true)]
    public int GeneralCopy()
    {
        var position = 0;
        for (var i = 0; i < Relationships; i++)
        {
            foreach (var piece in pieces)
            {
                piece.AsSpan().CopyTo(buffer.AsSpan(position));
                position += piece.Length;
            }
        }

        return position;
    }

    [Benchmark]
    public int Writer()
    {
        using var output = new JsonOutput(buffer.Length);
        for (var i = 0; i < Relationships; i++)
        {
            foreach (var piece in pieces) output.WriteRaw(piece);
        }

        return output.WrittenCount;
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// The <c>Graph-Cost</c> response header: what the operation costs as the limit measures it before it runs,
/// with the limit beside it, e.g. <c>Graph-Cost: 16; limit=50000</c> (an integer with a parameter, as HTTP's
/// structured fields write one, so <c>parseInt</c> reads the cost). A client sees how close a query is to
/// <c>Graph:Limits:MaxCost</c> before a larger page or one more nested list takes it over; a refusal with
/// <c>COST_LIMIT</c> carries it too.
/// </summary>
internal sealed class CostHeader(IOptions<LimitsOptions> limits)
{
    public const string Name = "Graph-Cost";

    private const int Remembered = 4096;

    // Structured fields allow integers of at most 15 digits; a saturated cost (a fragment bomb) is far past any limit anyway.
    private const long Largest = 999_999_999_999_999;

    private readonly long limit = limits.Value.MaxCost;

    // Most operations cost little and the same ones come again: each such value is made once, not per answer.
    private readonly string?[] remembered = new string?[Remembered];

    public string For(long cost) => (ulong)cost < Remembered ? remembered[cost] ??= Value(cost, limit) : Value(cost, limit);

    public static string Value(long cost, long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Min(cost, Largest)}; limit={Math.Min(limit, Largest)}");
}

using Graph.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// Behind a trusted reverse proxy, the per-client rate counts the client the proxy names in X-Forwarded-For,
/// not the proxy that every client shares; from anyone else the header is ignored, since any client could write it.
/// </summary>
public sealed class TrustedProxiesTests
{
    private const string Proxy = "10.0.0.7";

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_are_counted_each_on_their_own()
    {
        using var factory = RateLimited().With("Graph:Proxies:Trusted:0", "10.0.0.0/24");
        await factory.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        // Six clients through the proxy, one request each, stay within a burst of three; one client asking six times does not.
        var distinct = new List<int>();
        for (var i = 1; i <= 6; i++) distinct.Add(await RequestsFrom.PostTypenameAsync(factory, Proxy, $"198.51.100.{i}"));
        var repeated = new List<int>();
        for (var i = 1; i <= 6; i++) repeated.Add(await RequestsFrom.PostTypenameAsync(factory, Proxy, "198.51.100.99"));

        Assert.All(distinct, status => Assert.Equal(StatusCodes.Status200OK, status));
        Assert.Contains(StatusCodes.Status429TooManyRequests, repeated);
    }

    [Theory]
    [InlineData(null, Proxy)]
    [InlineData("10.0.1.0/24", Proxy)]
    // Loopback, which the forwarding middleware trusts unless told otherwise, is trusted only when named.
    [InlineData("10.0.0.0/24", "127.0.0.1")]
    public async Task A_forwarded_address_from_a_sender_not_trusted_is_ignored(string? trusted, string sender)
    {
        using var factory = RateLimited();
        if (trusted is not null) factory.With("Graph:Proxies:Trusted:0", trusted);
        await factory.CreateClient().WaitUntilReadyAsync(TimeSpan.FromSeconds(30));

        // A client writing a new X-Forwarded-For on each request is still counted as itself.
        var statuses = new List<int>();
        for (var i = 1; i <= 6; i++) statuses.Add(await RequestsFrom.PostTypenameAsync(factory, sender, $"198.51.100.{i}"));

        Assert.Contains(StatusCodes.Status429TooManyRequests, statuses);
    }

    private static GraphApiFactory RateLimited() =>
        new GraphApiFactory().With("Graph:Limits:RequestsPerSecondPerClient", "1").With("Graph:Limits:ClientBurst", "3");
}

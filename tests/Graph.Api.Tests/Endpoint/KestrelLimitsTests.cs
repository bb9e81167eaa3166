using System.Net;
using System.Net.Sockets;
using System.Text;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>Limits the real server enforces (the in-process test server has none): a Kestrel on 127.0.0.1 is started for these.</summary>
public sealed class KestrelLimitsTests : IDisposable
{
    private readonly GraphApiFactory factory;
    private readonly GraphQLClient client;

    public KestrelLimitsTests()
    {
        factory = new GraphApiFactory().With("Graph:Limits:RequestHeadersTimeoutSeconds", "2");
        factory.OnLoopbackKestrel();
        client = factory.CreateGraphQLClient();
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public void The_server_listens_on_loopback_only() =>
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(client.Http.BaseAddress!.Host)), client.Http.BaseAddress.ToString());

    [Fact]
    public async Task A_url_over_8_KiB_is_refused()
    {
        using var response = await client.Http.GetAsync("/graphql?query=" + new string('a', 9000));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge });
        await client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task Headers_over_32_KiB_are_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
        for (var i = 0; i < 8; i++) request.Headers.Add($"X-Padding-{i}", new string('p', 5000));
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        await client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task A_client_sending_its_body_at_a_byte_a_second_is_dropped()
    {
        var uri = client.Http.BaseAddress!;
        using var slow = new TcpClient();
        await slow.ConnectAsync(uri.Host, uri.Port);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /graphql HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{"));

        // 240 B/s is the minimum after a 5 s grace period: within 20 s the server must give up on this body.
        var answered = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var dropped = false;
        try
        {
            for (var i = 0; i < 200 && !dropped; i++)
            {
                await stream.WriteAsync(" "u8.ToArray(), timeout.Token);
                await Task.Delay(100, timeout.Token);
                if (slow.Client.Poll(0, SelectMode.SelectRead))
                {
                    var read = await stream.ReadAsync(buffer, timeout.Token);
                    answered.Write(buffer, 0, read);
                    dropped = read == 0 || Encoding.ASCII.GetString(answered.ToArray()).StartsWith("HTTP/1.1 4", StringComparison.Ordinal);
                }
            }
        }
        catch (IOException)
        {
            dropped = true;
        }

        Assert.True(dropped, "The server kept reading a body that arrived at a byte a tenth of a second.");
        Assert.False(Encoding.ASCII.GetString(answered.ToArray()).StartsWith("HTTP/1.1 5", StringComparison.Ordinal), "A slow client must not cause a 5xx.");
        await client.AssertStillServesUnchangedAsync();
    }

    [Fact]
    public async Task A_client_trickling_its_headers_is_dropped_and_others_are_served_meanwhile()
    {
        var uri = client.Http.BaseAddress!;
        using var slow = new TcpClient();
        await slow.ConnectAsync(uri.Host, uri.Port);
        var stream = slow.GetStream();
        await stream.WriteAsync("POST /graphql HTTP/1.1\r\nHost: x\r\n"u8.ToArray());
        await client.AssertStillServesUnchangedAsync();

        // The headers timeout is 2 s here: within 15 s the server must have closed the connection.
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var closed = false;
        try
        {
            for (var i = 0; i < 100 && !closed; i++)
            {
                await stream.WriteAsync("X-Slow: 1\r\n"u8.ToArray(), timeout.Token);
                await Task.Delay(200, timeout.Token);
                if (slow.Client.Poll(0, SelectMode.SelectRead)) closed = await stream.ReadAsync(buffer, timeout.Token) >= 0;
            }
        }
        catch (IOException)
        {
            closed = true;
        }

        Assert.True(closed, "The server kept a connection whose headers never finished.");
    }
}

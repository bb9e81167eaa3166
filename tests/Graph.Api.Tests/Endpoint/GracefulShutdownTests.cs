using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Graph.Api.Tests.Support;

namespace Graph.Api.Tests.Endpoint;

/// <summary>
/// SIGTERM, as a supervisor or a container runtime sends it: the service stops taking connections,
/// finishes the request it is in the middle of, and exits with code 0.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly byte[] Body = """{"query":"{ entity(id: \"belarus\") { name } }"}"""u8.ToArray();

    [Fact]
    public async Task Sigterm_refuses_new_connections_finishes_the_request_in_flight_and_exits_0()
    {
        using var service = await RunningService.StartAsync("dotnet", TimeSpan.FromSeconds(60), ServiceBuild.Path);
        using (var http = new HttpClient { BaseAddress = service.Address })
        {
            await http.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        }

        // A request in flight: the endpoint has begun to read its body (the server says "100 Continue"
        // when it does), half of which is sent, the rest still to come.
        using var inFlight = new TcpClient();
        await inFlight.ConnectAsync(service.Address.Host, service.Address.Port);
        var stream = inFlight.GetStream();
        var head = $"POST /graphql HTTP/1.1\r\nHost: {service.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\nExpect: 100-continue\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        Assert.StartsWith("HTTP/1.1 100 Continue", await InterimResponseAsync(stream), StringComparison.Ordinal);
        await stream.WriteAsync(Body.AsMemory(0, Body.Length / 2));
        await stream.FlushAsync();

        using (var kill = Process.Start("kill", ["-TERM", service.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(await RefusesConnectionsAsync(service.Address, TimeSpan.FromSeconds(10)), "still taking connections 10 s after SIGTERM");
        Assert.False(service.Process.HasExited, "exited before finishing the request in flight");

        await stream.WriteAsync(Body.AsMemory(Body.Length / 2));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Belarus\"", answer, StringComparison.Ordinal);

        await service.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, service.Process.ExitCode);
    }

    /// <summary>Reads up to the blank line that ends an interim response, a byte at a time so nothing after it is taken.</summary>
    private static async Task<string> InterimResponseAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, timeout.Token) == 1)
        {
            text.Append((char)one[0]);
        }

        return text.ToString();
    }

    private static async Task<bool> RefusesConnectionsAsync(Uri address, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(address.Host, address.Port);
            }
            catch (SocketException)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}

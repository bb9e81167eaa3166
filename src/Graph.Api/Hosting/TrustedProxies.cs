using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Graph.Api.Hosting;

/// <summary>
/// The reverse proxies in front of the service (<c>Graph:Proxies:Trusted</c>: addresses, or networks such as
/// 10.0.0.0/8). A request that comes through one of them is taken to come from the address the proxy names in
/// X-Forwarded-For (and by the scheme in X-Forwarded-Proto), so that the per-client rate and the logs see the
/// client, not the proxy every client shares. None by default: the headers are then ignored, since any client
/// could write them.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "Graph:Proxies:Trusted";

    public static IApplicationBuilder UseTrustedProxies(this WebApplication app)
    {
        var entries = app.Configuration.GetSection(Section).Get<string[]>() ?? [];
        if (entries.Length == 0) return app;

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The middleware trusts loopback by default; only the proxies named are trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries) options.KnownIPNetworks.Add(Network(entry));
        return app.UseForwardedHeaders(options);
    }

    private static IPNetwork Network(string entry)
    {
        var text = entry.Trim();
        if (IPNetwork.TryParse(text, out var network)) return network;
        if (IPAddress.TryParse(text, out var address)) return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        throw new OptionsValidationException(Section, typeof(string[]),
            [$"{Section} lists '{entry}', which is neither an IP address nor a network such as 10.0.0.0/8."]);
    }
}

using System.Net;

namespace Graph.Api.Endpoint;

/// <summary>
/// The client a request counts against for the per-client rate: its IPv4 address, or the /64 network of its
/// IPv6 address. A single IPv6 host is usually given a whole /64 and can send each request from a new address
/// in it, so counted by full address it would never meet its limit. An IPv4 address seen through a dual-stack
/// socket (::ffff:a.b.c.d) counts as itself.
/// </summary>
internal static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}

using System.Net;
using Graph.Api.Endpoint;

namespace Graph.Api.Tests.Endpoint;

/// <summary>The per-client rate counts an IPv6 client by its /64, so it cannot escape its limit by changing address within it.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::5:6", true)]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("192.0.2.1", "::ffff:192.0.2.1", true)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    [InlineData("::1", "::1", true)]
    public void Addresses_of_one_client_share_a_key_and_others_do_not(string one, string other, bool same)
    {
        var (first, second) = (ClientAddress.Key(IPAddress.Parse(one)), ClientAddress.Key(IPAddress.Parse(other)));
        Assert.Equal(same, first == second);
    }

    [Fact]
    public void The_keys_name_the_address_or_the_network()
    {
        Assert.Equal("192.0.2.1", ClientAddress.Key(IPAddress.Parse("::ffff:192.0.2.1")));
        Assert.Equal("2001:db8:1:2::/64", ClientAddress.Key(IPAddress.Parse("2001:db8:1:2:aaaa::1")));
        Assert.Equal("unknown", ClientAddress.Key(null));
    }
}

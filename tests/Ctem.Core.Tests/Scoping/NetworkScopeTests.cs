using System.Net;
using Ctem.Core.Scoping;
using Xunit;

namespace Ctem.Core.Tests.Scoping;

public sealed class NetworkScopeTests
{
    private static readonly NetworkScope Lab = Scope(
        ["127.0.0.0/30", "127.0.1.5:8443", "shop.test", "*.lab.test:80", "https://api.test:9443/v1", "::1"],
        ["127.0.0.2", "admin.lab.test", "127.0.0.3:22"]);

    /// <summary>Name (null: reached by address), address, port, and why it is refused (null: allowed).</summary>
    public static TheoryData<string?, string, int, string?> Decisions => new()
    {
        { null, "127.0.0.1", 80, null },
        { null, "127.0.0.3", 80, null },
        { null, "127.0.0.3", 22, "denied by scope.deny '127.0.0.3:22'" },
        { null, "127.0.0.2", 80, "denied by scope.deny '127.0.0.2'" },
        { null, "127.0.0.4", 80, "outside scope.allow" },
        { null, "127.0.1.5", 8443, null },
        { null, "127.0.1.5", 443, "outside scope.allow" },
        { null, "::1", 443, null },
        { null, "::ffff:127.0.0.1", 443, null },
        { null, "10.0.0.1", 80, "outside scope.allow" },
        { "shop.test", "10.0.0.1", 443, null },
        { "SHOP.test.", "10.0.0.1", 443, null },
        { "shop.test", "127.0.0.2", 443, "denied by scope.deny '127.0.0.2'" },
        { "www.lab.test", "10.0.0.1", 80, null },
        { "www.lab.test", "10.0.0.1", 443, "outside scope.allow" },
        { "admin.lab.test", "127.0.0.1", 80, "denied by scope.deny 'admin.lab.test'" },
        { "lab.test", "10.0.0.1", 80, "outside scope.allow" },
        { "api.test", "10.0.0.1", 9443, null },
        { "api.test", "10.0.0.1", 443, "outside scope.allow" },
        { "evil.example", "10.0.0.1", 80, "outside scope.allow" },
        { "evil.example", "127.0.0.1", 80, null },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Refusal_OfAddressAndName_FollowsAllowThenDeny(string? name, string address, int port, string? refusal) =>
        Assert.Equal(refusal, Lab.Refusal(name, IPAddress.Parse(address), port));

    [Fact]
    public void Refusal_WithoutAllow_RefusesEverything() =>
        Assert.Equal("outside scope.allow", NetworkScope.None.Refusal("localhost", IPAddress.Loopback, 80));

    public static TheoryData<string, string?, string?, int?> Targets => new()
    {
        { "10.0.0.7", "10.0.0.7/32", null, null },
        { "10.0.0.7:8080", "10.0.0.7/32", null, 8080 },
        { "10.0.0.0/24", "10.0.0.0/24", null, null },
        { "[2001:db8::1]:443", "2001:db8::1/128", null, 443 },
        { "2001:db8::/64", "2001:db8::/64", null, null },
        { "Shop.Example.com.", null, "shop.example.com", null },
        { "*.example.com:25", null, "*.example.com", 25 },
        { "http://shop.example.com/x", null, "shop.example.com", 80 },
        { "https://127.0.0.1:8443/", "127.0.0.1/32", null, 8443 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Parse_EveryNotation_GivesNetworkNameAndPort(string text, string? network, string? name, int? port)
    {
        var target = NetworkTarget.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal((network, name, port), (target!.Network?.ToString(), target.HostName, target.Port));
    }

    private static NetworkScope Scope(string[] allow, string[] deny) =>
        new([.. allow.Select(a => NetworkTarget.Parse(a, out _)!)], [.. deny.Select(d => NetworkTarget.Parse(d, out _)!)]);
}

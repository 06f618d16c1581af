using System.Net;
using System.Net.Security;
using Ctem.Core.Extensibility;
using Ctem.Core.Scoping;
using Ctem.Engine.Discovery.Active;
using Ctem.Plugins.Probes.Tls;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>The TLS probe against loopback servers with the weaknesses testssl.sh reports, each with its testssl.sh check id.</summary>
public sealed class TlsProbeTests
{
    public static TheoryData<string, string[], string[]> Servers => new()
    {
        { "expired-self-signed", ["cert_expirationStatus", "cert_chain_of_trust", "OCSP_stapling"], ["cert_notBefore", "cert_keySize", "TLS1", "SSLv3"] },
        { "not-yet-valid", ["cert_notBefore", "cert_chain_of_trust"], ["cert_expirationStatus"] },
        { "hostname-mismatch", ["cert_trust", "cert_chain_of_trust"], ["cert_expirationStatus"] },
        { "small-rsa-key", ["cert_keySize", "cert_chain_of_trust", "cipherlist_OBSOLETED"], ["cert_expirationStatus", "TLS1"] },
        { "weak-cbc-suite", ["cipherlist_OBSOLETED"], ["cipherlist_NULL", "cipherlist_EXPORT", "cipherlist_LOW"] },
        { "tls10-only", ["TLS1", "cipherlist_3DES_IDEA", "cipherlist_OBSOLETED", "OCSP_stapling"], ["TLS1_1", "SSLv3", "cert_chain_of_trust"] },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Probe_LoopbackServer_ReportsTestsslVerdicts(string server, string[] expected, string[] unexpected)
    {
        var now = DateTimeOffset.UtcNow;
        await using var listener = server switch
        {
            "expired-self-signed" => LoopbackServer.Tls("127.0.0.1", LoopbackServer.Certificate("127.0.0.1", now.AddDays(-30), now.AddDays(-1))),
            "not-yet-valid" => LoopbackServer.Tls("127.0.0.1", LoopbackServer.Certificate("127.0.0.1", now.AddDays(10), now.AddDays(100))),
            "hostname-mismatch" => LoopbackServer.Tls("127.0.0.1", LoopbackServer.Certificate("other.test", now.AddDays(-1), now.AddDays(100))),
            // OpenSSL will neither serve nor accept a 1024-bit key: the certificate comes from a server that only says hello.
            "small-rsa-key" => LegacyTlsServer.Start("127.0.0.1", 0x0303, SmallKeyCertificate(now)),
            "weak-cbc-suite" => LoopbackServer.Tls("127.0.0.1", LoopbackServer.Certificate("127.0.0.1", now.AddDays(-1), now.AddDays(100)), OperatingSystem.IsLinux() ? new CipherSuitesPolicy([TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, TlsCipherSuite.TLS_AES_128_GCM_SHA256]) : null),
            _ => LegacyTlsServer.Start("127.0.0.1"),
        };

        var result = await new TlsProbe().ProbeAsync(new ProbedService("127.0.0.1", IPAddress.Loopback, listener.Port), Network(), CancellationToken.None);

        var rules = result.Findings.Select(f => f.RuleId!.Replace("testssl.sh:", "", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal("tls", result.Service);
        Assert.Superset(expected.ToHashSet(), rules);
        Assert.Empty(rules.Intersect(unexpected));
        Assert.All(result.Findings, f => Assert.Equal($"tcp://127.0.0.1:{listener.Port}", f.Asset.Key));
    }

    [Fact]
    public async Task Probe_Tls13OnlyServer_SaysWhatItCouldNotCheck()
    {
        var now = DateTimeOffset.UtcNow;
        await using var listener = LoopbackServer.Tls("127.0.0.1", LoopbackServer.Certificate("127.0.0.1", now.AddDays(-1), now.AddDays(100)), protocols: System.Security.Authentication.SslProtocols.Tls13);

        var result = await new TlsProbe().ProbeAsync(new ProbedService("127.0.0.1", IPAddress.Loopback, listener.Port), Network(), CancellationToken.None);

        Assert.True(result.Tls);
        Assert.DoesNotContain(result.Findings, f => f.RuleId!.StartsWith("testssl.sh:cipherlist_", StringComparison.Ordinal) || f.RuleId == "testssl.sh:OCSP_stapling");
        Assert.Contains("OCSP stapling was not checked", Assert.Single(result.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_PlainTextService_IsNoTls()
    {
        await using var listener = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "", "hi") });

        var result = await new TlsProbe().ProbeAsync(new ProbedService("127.0.0.1", IPAddress.Loopback, listener.Port), Network(), CancellationToken.None);

        Assert.Equal((null, false, 0), (result.Service, result.Tls, result.Findings.Count));
    }

    private static byte[] SmallKeyCertificate(DateTimeOffset now)
    {
        using var certificate = LoopbackServer.Certificate("127.0.0.1", now.AddDays(-1), now.AddDays(100), rsaBits: 1024);
        return certificate.RawData;
    }

    private static ScopedNetwork Network() =>
        new(new NetworkScope([NetworkTarget.Parse("127.0.0.1", out _)!], []), new FakeResolver([]), new ConnectionPacer(1000, TimeProvider.System), TimeSpan.FromSeconds(3), TimeProvider.System);
}

using System.Security.Authentication;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Scoping;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Active;

public sealed class ActiveDiscoveryTests
{
    private static readonly string[] NoHeaders = ["missing-content-security-policy", "missing-x-content-type-options", "missing-x-frame-options"];

    [Fact]
    public async Task Discover_ListenerOutsideScope_ReceivesNoConnection()
    {
        await using var outside = LoopbackServer.Banner("127.0.0.2", "SSH-2.0-OpenSSH_9.6\r\n");
        var redirect = LoopbackServer.Page(302, $"Location: http://127.0.0.2:{outside.Port}/\r\n", "");
        await using var inside = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = redirect, ["/away"] = LoopbackServer.Page(301, $"Location: http://evil.test:{outside.Port}/\r\n", "") });
        var port = outside.Port;
        var scope = Scope($"""
            products:
              - name: shop
                deployments:
                  - name: lab
                    environment: test
                    targets: ["127.0.0.2:{port}", "127.0.0.0/30:{port}", "evil.test:{port}", "mixed.test:{port}", "denied.test:{port}", "http://127.0.0.1:{inside.Port}/", "http://127.0.0.1:{inside.Port}/away"]
            scope:
              allow: ["127.0.0.1", "denied.test"]
              deny: ["denied.test"]
            """);
        var resolver = new FakeResolver(new() { ["evil.test"] = ["127.0.0.2"], ["mixed.test"] = ["127.0.0.1", "127.0.0.2"], ["denied.test"] = ["127.0.0.1"] });
        await using var fixture = await EngineFixture.CreateAsync();

        var report = await Discoverer(fixture, resolver).DiscoverAsync(new DiscoveryRequest("shop", [port]) { Scope = scope }, CancellationToken.None);

        Assert.Equal(0, outside.Accepted);
        Assert.True(inside.Accepted > 0);
        Assert.Contains(report.Refused, r => r.StartsWith($"127.0.0.2:{port}", StringComparison.Ordinal) && r.EndsWith("outside scope.allow", StringComparison.Ordinal));
        Assert.Contains(report.Refused, r => r.Contains($"evil.test:{port}: resolves to 127.0.0.2, outside scope.allow", StringComparison.Ordinal));
        Assert.Contains(report.Refused, r => r.Contains($"mixed.test:{port}: resolves to 127.0.0.2", StringComparison.Ordinal));
        Assert.Contains(report.Refused, r => r.Contains("denied by scope.deny 'denied.test'", StringComparison.Ordinal));
        Assert.Contains(report.Services.SelectMany(s => s.Notes), n => n.Contains($"to http://127.0.0.2:{port}/ not followed", StringComparison.Ordinal));
        Assert.Contains(report.Services.SelectMany(s => s.Notes), n => n.Contains($"to http://evil.test:{port}/ not followed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discover_WithoutScopeAllow_ContactsNothing()
    {
        await using var server = LoopbackServer.Banner("127.0.0.1", "220 mail ESMTP Postfix\r\n");
        var scope = Scope($"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1:{server.Port}\"]}}]");
        await using var fixture = await EngineFixture.CreateAsync();

        var report = await Discoverer(fixture, new FakeResolver([])).DiscoverAsync(new DiscoveryRequest("shop", [server.Port]) { Scope = scope }, CancellationToken.None);

        Assert.Equal((OperationStatus.Failed, 0), (report.Status, server.Accepted));
        Assert.Contains("no scope.allow", Assert.Single(report.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_DryRun_ListsThePlanAndContactsNothing()
    {
        await using var server = LoopbackServer.Banner("127.0.0.1", "220 mail ESMTP Postfix\r\n");
        var scope = Scope($"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1\", \"https://shop.test:{server.Port}/login\"]}}]\nscope: {{allow: [127.0.0.0/8], deny: [\"127.0.0.1:23\"]}}");
        await using var fixture = await EngineFixture.CreateAsync();

        var report = await Discoverer(fixture, new FakeResolver(new() { ["shop.test"] = ["127.0.0.1"] })).DiscoverAsync(
            new DiscoveryRequest("shop", [22, 23, 80]) { Scope = scope, DryRun = true }, CancellationToken.None);

        Assert.Equal(0, server.Accepted);
        var host = Assert.Single(report.Plan.Hosts);
        Assert.Equal([22, 80, server.Port], host.Ports);
        Assert.Equal([$"https://shop.test:{server.Port}/login"], host.Urls.Select(u => u.AbsoluteUri));
        Assert.Contains(report.Refused, r => r.Contains("1 of 3 port(s) of 127.0.0.1", StringComparison.Ordinal));
        Assert.Empty(await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None));
    }

    /// <summary>Each loopback service, and the findings and service discover must report on it.</summary>
    [Fact]
    public async Task Discover_LoopbackServices_ReportsServicesFingerprintsAndFindingsAndStoresThem()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = LoopbackServer.Certificate("expired.test", now.AddDays(-30), now.AddDays(-1));
        var listing = LoopbackServer.Page(200, "Server: nginx/1.18.0\r\nContent-Type: text/html\r\n", "<html><head><title>Index of /</title></head><body><h1>Index of /</h1><a href=\"backup.tar\">backup.tar</a></body></html>");
        await using var ssh = LoopbackServer.Banner("127.0.0.1", "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5\r\n");
        await using var http = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = listing });
        await using var https = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "Content-Security-Policy: default-src 'self'\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n", "<title>ok</title>") }, expired);
        var scope = Scope($"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1:{ssh.Port}\", \"127.0.0.1:{http.Port}\", \"127.0.0.1:{https.Port}\"]}}]\nscope: {{allow: [127.0.0.1]}}");
        await using var fixture = await EngineFixture.CreateAsync();

        var report = await Discoverer(fixture, new FakeResolver([])).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = scope, Rate = 1000 }, CancellationToken.None);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        var byPort = report.Services.ToDictionary(s => s.Service.Port);
        Assert.Equal(new[] { ssh.Port, http.Port, https.Port }.Order(), byPort.Keys.Order());
        Assert.Equal(("ssh", "pkg:generic/openssh@8.2p1", "cpe:2.3:a:openbsd:openssh:8.2:p1:*:*:*:*:*:*"), (byPort[ssh.Port].Service.Service, byPort[ssh.Port].Fingerprints.Single().Purl.ToString(), byPort[ssh.Port].Fingerprints.Single().Cpe));
        Assert.Equal(("http", "pkg:generic/nginx@1.18.0"), (byPort[http.Port].Service.Service, byPort[http.Port].Fingerprints.Single().Purl.ToString()));
        Assert.Equal(NoHeaders.Append("directory-listing").Order(StringComparer.Ordinal), byPort[http.Port].Findings.Select(f => f.RuleId!).Order(StringComparer.Ordinal));
        Assert.Equal(("https", true), (byPort[https.Port].Service.Service, byPort[https.Port].Service.Tls));
        var tlsRules = byPort[https.Port].Findings.Select(f => f.RuleId!).ToHashSet();
        Assert.Superset(new HashSet<string> { "testssl.sh:cert_expirationStatus", "testssl.sh:cert_chain_of_trust", "testssl.sh:cert_trust", "testssl.sh:HSTS", "testssl.sh:OCSP_stapling" }, tlsRules);
        Assert.DoesNotContain("testssl.sh:TLS1", tlsRules);

        var stored = await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None);
        Assert.Contains(stored, f => f.Vulnerability.Id == "nmap:open-port" && f.ComponentPurl == $"tcp://127.0.0.1:{ssh.Port}");
        Assert.Contains(stored, f => f.Vulnerability.Id == "testssl.sh:cert_expirationStatus" && f.ComponentPurl == $"tcp://127.0.0.1:{https.Port}");
        Assert.Contains(stored, f => f.Vulnerability.Id == "ctem-discover:directory-listing" && f.ComponentPurl == $"http://127.0.0.1:{http.Port}/");
    }

    [Fact]
    public async Task Discover_ThenNmapAndTestsslReportsOfTheSamePorts_MergeIntoTheSameFindings()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = LoopbackServer.Certificate("127.0.0.1", now.AddDays(-30), now.AddDays(-1));
        await using var ssh = LoopbackServer.Banner("127.0.0.1", "SSH-2.0-OpenSSH_8.2p1\r\n");
        await using var tls = LoopbackServer.Tls("127.0.0.1", expired);
        var scope = Scope($"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1:{ssh.Port}\", \"127.0.0.1:{tls.Port}\"]}}]\nscope: {{allow: [127.0.0.1]}}");
        await using var fixture = await EngineFixture.CreateAsync();
        await Discoverer(fixture, new FakeResolver([])).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = scope, Rate = 1000 }, CancellationToken.None);
        var nmap = fixture.File("nmap.xml", $"""
            <?xml version="1.0"?>
            <nmaprun scanner="nmap" args="nmap -sT 127.0.0.1" version="7.94">
              <host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/>
                <ports>
                  <port protocol="tcp" portid="{ssh.Port}"><state state="open"/><service name="ssh" product="OpenSSH" version="8.2p1"/></port>
                  <port protocol="tcp" portid="{tls.Port}"><state state="open"/><service name="ssl"/></port>
                </ports>
              </host>
            </nmaprun>
            """);
        var testssl = fixture.File("testssl.json", $$"""
            [
              {"id": "cert_expirationStatus", "ip": "127.0.0.1/127.0.0.1", "port": "{{tls.Port}}", "severity": "CRITICAL", "finding": "expired"},
              {"id": "cert_chain_of_trust", "ip": "127.0.0.1/127.0.0.1", "port": "{{tls.Port}}", "severity": "CRITICAL", "finding": "failed (self signed)"}
            ]
            """);

        var ingested = await new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), TimeProvider.System)
            .IngestAsync(new IngestRequest([nmap, testssl], "shop", null) { Scope = scope }, CancellationToken.None);

        Assert.Equal(OperationStatus.Succeeded, ingested.Status);
        var stored = await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None);
        Assert.Equal(
            new[]
            {
                ($"tcp://127.0.0.1:{ssh.Port}", "nmap:open-port", "ctem-discover,nmap"),
                ($"tcp://127.0.0.1:{tls.Port}", "nmap:open-port", "ctem-discover,nmap"),
                ($"tcp://127.0.0.1:{tls.Port}", "testssl.sh:cert_chain_of_trust", "ctem-discover,testssl.sh"),
                ($"tcp://127.0.0.1:{tls.Port}", "testssl.sh:cert_expirationStatus", "ctem-discover,testssl.sh"),
            }.Order(),
            stored.Where(f => f.Sources.Count > 1).Select(f => (f.ComponentPurl, f.Vulnerability.Id, string.Join(',', f.Sources.Order(StringComparer.Ordinal)))).Order());
        Assert.Single(stored, f => f.Vulnerability.Id == "nmap:open-port" && f.ComponentPurl == $"tcp://127.0.0.1:{ssh.Port}");
    }

    private static ActiveDiscoverer Discoverer(EngineFixture fixture, IHostResolver resolver) =>
        new(new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), TimeProvider.System),
            BuiltInPlugins.ServiceProbes, resolver, TimeProvider.System);

    private static ScopeDocument Scope(string yaml)
    {
        var loaded = ScopeFile.Load("ctem.yaml", yaml);
        Assert.Empty(loaded.Diagnostics);
        return loaded.Document!;
    }
}

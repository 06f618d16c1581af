using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Scoping;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>
/// Discover measured against the tools people use, on the same loopback services: <c>nmap -sT</c> must see the same
/// open ports, <c>testssl.sh</c> give the same TLS verdicts, and both reports, ingested, land on discover's findings
/// instead of beside them. Needs Debian's nmap, testssl.sh and openssl (.ci/run installs them under CI=true).
/// </summary>
public sealed class ToolComparisonTests
{
    // testssl.sh's protocol and certificate checks that discover makes too, by testssl.sh's ids.
    private static readonly string[] SharedTlsChecks = ["SSLv3", "TLS1", "TLS1_1", "cert_expirationStatus", "cert_chain_of_trust"];

    [SkippableFact]
    public async Task Discover_LoopbackServices_SameOpenPortsAsNmapSameTlsVerdictsAsTestssl_AndTheirReportsMerge()
    {
        var nmap = ExternalTool.Require("nmap", "nmap");
        var testssl = ExternalTool.Require("testssl", "testssl.sh");
        var openssl = ExternalTool.Require("openssl", "openssl");
        var now = DateTimeOffset.UtcNow;
        using var expired = LoopbackServer.Certificate("127.0.0.1", now.AddDays(-60), now.AddDays(-2));
        await using var tls = await OpenSslServer.StartAsync(openssl, expired);
        var listing = LoopbackServer.Page(200, "Server: nginx/1.18.0\r\nContent-Type: text/html\r\nX-Frame-Options: DENY\r\n", "<html><head><title>Index of /</title></head><body><h1>Index of /</h1><a href=\"backup.tar\">backup.tar</a></body></html>");
        await using var http = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = listing });
        await using var banner = LoopbackServer.Banner("127.0.0.1", "SSH-2.0-OpenSSH_9.6p1\r\n");
        int[] ports = [tls.Port, http.Port, banner.Port];
        var scope = Scope(ports);
        await using var fixture = await EngineFixture.CreateAsync();

        var discovered = await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = scope, Rate = 1000 }, CancellationToken.None);
        var nmapXml = fixture.File("nmap.xml", "");
        var portList = string.Join(',', ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var nmapRun = await ExternalTool.RunAsync(nmap, ["-sT", "-Pn", "-n", "-p", portList, "127.0.0.1", "-oX", nmapXml], TimeSpan.FromMinutes(1));
        var testsslJson = fixture.File("testssl.json", "");
        File.Delete(testsslJson);
        var testsslRun = await ExternalTool.RunAsync(testssl,
            ["--quiet", "--color", "0", "--warnings", "off", "--fast", "--nodns", "none", "--protocols", "--std", "--server-defaults", "--jsonfile", testsslJson, $"127.0.0.1:{tls.Port}"],
            TimeSpan.FromMinutes(5));

        Assert.True(nmapRun.ExitCode == 0, nmapRun.Output);
        Assert.True(File.Exists(testsslJson), testsslRun.Output);
        Assert.Equal(OperationStatus.Succeeded, discovered.Status);
        var reports = BuiltInPlugins.ReportParsers;
        var nmapReport = await ReadAsync(reports, nmapXml);
        var testsslReport = await ReadAsync(reports, testsslJson);

        // The same open ports.
        Assert.Equal(OpenPorts(nmapReport), discovered.Services.Select(s => s.Service.Endpoint.Key).Order(StringComparer.Ordinal));

        // The same TLS verdicts on the shared checks: what testssl.sh flags, discover flags, and what it passes, discover passes.
        var endpoint = $"tcp://127.0.0.1:{tls.Port}";
        var ours = discovered.Services.Single(s => s.Service.Port == tls.Port).Findings.Select(f => f.RuleId!).ToHashSet(StringComparer.Ordinal);
        var theirs = testsslReport.Findings.Where(f => f.Asset.Key == endpoint).Select(f => f.RuleId!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            SharedTlsChecks.Where(id => theirs.Contains(id)).Select(id => "testssl.sh:" + id),
            SharedTlsChecks.Where(id => ours.Contains("testssl.sh:" + id)).Select(id => "testssl.sh:" + id));
        Assert.Equal(["TLS1", "TLS1_1", "cert_expirationStatus", "cert_chain_of_trust"], SharedTlsChecks.Where(theirs.Contains));

        // The weak (CBC) suites: testssl.sh 3.2 names the check cipherlist_OBSOLETED, as discover does; Debian's 3.0 says
        // cipherlist_AVERAGE, which the parser reads under the current name.
        Assert.Contains("testssl.sh:cipherlist_OBSOLETED", ours);
        Assert.Contains("cipherlist_OBSOLETED", theirs);

        // Ingested after discover, both reports merge into discover's findings: one finding, two sources.
        var ingested = await new ReportIngester(fixture.Store, reports, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), TimeProvider.System)
            .IngestAsync(new IngestRequest([nmapXml, testsslJson], "shop", null) { Scope = scope }, CancellationToken.None);
        Assert.Equal(OperationStatus.Succeeded, ingested.Status);
        var stored = await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None);
        Assert.All(ports, port => Assert.Equal(["ctem-discover", "nmap"], stored.Single(f => f.Vulnerability.Id == "nmap:open-port" && f.ComponentPurl == $"tcp://127.0.0.1:{port}").Sources.Order(StringComparer.Ordinal)));
        Assert.All(SharedTlsChecks.Where(id => theirs.Contains(id)).Append("cipherlist_OBSOLETED"), id =>
            Assert.Equal(["ctem-discover", "testssl.sh"], stored.Single(f => f.Vulnerability.Id == "testssl.sh:" + id && f.ComponentPurl == endpoint).Sources.Order(StringComparer.Ordinal)));
    }

    private static IEnumerable<string> OpenPorts(ScannerReport report) =>
        report.Findings.Where(f => f.RuleId == ActiveDiscoverer.OpenPortRule).Select(f => f.Asset.Key).Order(StringComparer.Ordinal);

    // Read with Ctem's own parser of the format, as ctem ingest reads it.
    private static async Task<ScannerReport> ReadAsync(IReadOnlyList<Core.Extensibility.IReportParser> parsers, string path)
    {
        var content = await File.ReadAllBytesAsync(path);
        var parser = parsers.First(p => p.CanParse(path, content));
        await using var stream = new MemoryStream(content);
        var result = await parser.ParseAsync(new Core.Extensibility.InputSource(path, stream), CancellationToken.None);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error);
        return result.Report!;
    }

    private static ActiveDiscoverer Discoverer(EngineFixture fixture) =>
        new(new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), TimeProvider.System),
            BuiltInPlugins.ServiceProbes, new FakeResolver([]), TimeProvider.System);

    private static ScopeDocument Scope(IEnumerable<int> ports)
    {
        var targets = string.Join(", ", ports.Select(p => $"\"127.0.0.1:{p}\""));
        var loaded = ScopeFile.Load("ctem.yaml", $"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [{targets}]}}]\nscope: {{allow: [127.0.0.1]}}");
        Assert.Empty(loaded.Diagnostics);
        return loaded.Document!;
    }
}

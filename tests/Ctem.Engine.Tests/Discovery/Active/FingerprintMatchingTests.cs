using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Scoping;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Scoping;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>Discover's fingerprints matched against NVD CPE configurations, stored as findings through the ingest path.</summary>
public sealed class FingerprintMatchingTests
{
    // NVD's CVE API 2.0 record of CVE-2023-38408 (OpenSSH's ssh-agent), as NVD serves it, less its references: the
    // shared data holds no NVD record of a product discover fingerprints.
    private const string NvdPage = """
        {"resultsPerPage": 1, "startIndex": 0, "totalResults": 1, "format": "NVD_CVE", "version": "2.0", "timestamp": "2024-04-04T07:00:00.000",
         "vulnerabilities": [{"cve": {
           "id": "CVE-2023-38408", "sourceIdentifier": "cve@mitre.org", "published": "2023-07-20T03:15:10.170", "lastModified": "2024-04-04T06:15:08.430", "vulnStatus": "Modified",
           "descriptions": [{"lang": "en", "value": "The PKCS#11 feature in ssh-agent in OpenSSH before 9.3p2 has an insufficiently trustworthy search path, leading to remote code execution if an agent is forwarded to an attacker-controlled system."}],
           "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL"}, "exploitabilityScore": 3.9, "impactScore": 5.9}]},
           "weaknesses": [{"source": "nvd@nist.gov", "type": "Primary", "description": [{"lang": "en", "value": "CWE-428"}]}],
           "configurations": [
             {"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [
               {"vulnerable": true, "criteria": "cpe:2.3:a:openbsd:openssh:*:*:*:*:*:*:*:*", "versionEndExcluding": "9.3", "matchCriteriaId": "BF546253-FE80-4416-A138-D79D7288229F"},
               {"vulnerable": true, "criteria": "cpe:2.3:a:openbsd:openssh:9.3:-:*:*:*:*:*:*", "matchCriteriaId": "031E80CD-A7CF-447A-AEEF-EB97EB99A762"},
               {"vulnerable": true, "criteria": "cpe:2.3:a:openbsd:openssh:9.3:p1:*:*:*:*:*:*", "matchCriteriaId": "97FEC052-52ED-464F-AF19-3621775292D6"}]}]},
             {"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [
               {"vulnerable": true, "criteria": "cpe:2.3:o:fedoraproject:fedora:37:*:*:*:*:*:*:*", "matchCriteriaId": "E30D0E6F-4AE8-4284-8716-991DFA48CC5D"},
               {"vulnerable": true, "criteria": "cpe:2.3:o:fedoraproject:fedora:38:*:*:*:*:*:*:*", "matchCriteriaId": "CC559B26-5DFC-4B7A-A27C-B77DE755DFF9"}]}]}]}}]}
        """;

    /// <summary>Cases: what the SSH server says; whether CVE-2023-38408 is found; the suspicion and confidence it carries.</summary>
    public static TheoryData<string, bool, string?, string?> Banners => new()
    {
        { "SSH-2.0-OpenSSH_8.2p1\r\n", true, null, "inferred" },
        { "SSH-2.0-OpenSSH_9.3p1\r\n", true, null, "inferred" },
        { "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5\r\n", true, "distribution's build (Ubuntu-4ubuntu0.5)", "guessed" },
        { "SSH-2.0-OpenSSH_9.3p2\r\n", false, null, null },
        { "SSH-2.0-OpenSSH_9.6p1\r\n", false, null, null },
        { "SSH-2.0-dropbear_2022.83\r\n", false, null, null },
    };

    [Theory]
    [MemberData(nameof(Banners))]
    public async Task Discover_SshBanner_MatchesNvdConfigurationsIntoAFinding(string banner, bool vulnerable, string? suspect, string? confidence)
    {
        await using var ssh = LoopbackServer.Banner("127.0.0.1", banner);
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("nvd.json", NvdPage));

        var report = await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = Scope(ssh.Port), Rate = 1000 }, CancellationToken.None);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        var stored = await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None);
        var cve = stored.SingleOrDefault(f => f.Vulnerability.Id == "CVE-2023-38408");
        Assert.Equal(vulnerable, cve is not null);
        if (cve is not null)
        {
            // The CVE's own CVSS (NVD's 9.8) scores it; a distribution's build is ranked down as suspect.
            Assert.Equal(($"tcp://127.0.0.1:{ssh.Port}", "9.8"), (cve.ComponentPurl, cve.Risk!.Factors.Single(f => f.Name == "cvss").Value.Split(' ')[0]));
            Assert.Equal(confidence, cve.Identity is { } identity ? IdentityDerivation.Word(identity.Confidence) : null);
            Assert.Equal(suspect is null, cve.Suspect is null);
            Assert.Contains(suspect ?? "", cve.Suspect ?? "", StringComparison.Ordinal);
            Assert.Equal(["ctem-discover"], cve.Sources);
        }
    }

    [Fact]
    public async Task Discover_RunTwice_ContinuesTheSameFindingAndResolvesItWhenTheServiceIsFixed()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("nvd.json", NvdPage));
        var port = 0;
        await using (var old = LoopbackServer.Banner("127.0.0.1", "SSH-2.0-OpenSSH_8.2p1\r\n"))
        {
            port = old.Port;
            await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = Scope(port), Rate = 1000 }, CancellationToken.None);
            await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = Scope(port), Rate = 1000 }, CancellationToken.None);
            Assert.Single(await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None), f => f.Vulnerability.Id == "CVE-2023-38408");
        }

        await using var fixedServer = LoopbackServer.Banner("127.0.0.1", "SSH-2.0-OpenSSH_9.6p1\r\n");
        await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", []) { Scope = Scope(fixedServer.Port), Rate = 1000 }, CancellationToken.None);

        var cve = Assert.Single(await fixture.Store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.All), CancellationToken.None), f => f.Vulnerability.Id == "CVE-2023-38408");
        Assert.Equal(FindingStatus.Resolved, cve.Status);
    }

    private static ActiveDiscoverer Discoverer(EngineFixture fixture) =>
        new(new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), TimeProvider.System),
            BuiltInPlugins.ServiceProbes, new FakeResolver([]), TimeProvider.System);

    private static ScopeDocument Scope(int port)
    {
        var loaded = ScopeFile.Load("ctem.yaml", $"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1:{port}\"]}}]\nscope: {{allow: [127.0.0.1]}}");
        Assert.Empty(loaded.Diagnostics);
        return loaded.Document!;
    }
}

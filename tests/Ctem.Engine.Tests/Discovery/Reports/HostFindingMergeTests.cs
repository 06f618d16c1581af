using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

/// <summary>
/// Host findings of Nmap, OpenVAS and Nessus for the same host, port and CVE are one finding with three sources. The
/// shared samples have no host scanned by two of the tools, so the case is built from real entries: Nessus's HTTP
/// TRACE result (plugin 11213, CVE-2003-1567, on 192.168.0.100 tcp/443) from DefectDojo's nessus-template.csv as
/// written; OpenVAS's result of the same check (NVT 1.3.6.1.4.1.25623.1.0.11213, on 192.168.1.1001 80/tcp in
/// DefectDojo's openvas many_vuln.xml, its first two CVE references kept) moved to that host and port; and an Nmap
/// vulners entry for the CVE in the shape of DefectDojo's nmap_script_vulners.xml.
/// </summary>
public sealed class HostFindingMergeTests
{
    internal const string Nessus = """
        Plugin ID,CVE,CVSS v2.0 Base Score,Risk,Host,Protocol,Port,Name,Synopsis
        11213,CVE-2003-1567,5.8,Medium,192.168.0.100,tcp,443,HTTP TRACE / TRACK Methods Allowed,Debugging functions are enabled on the remote web server.

        """;

    private const string OpenVas = """
        <report id="39f62b85-f870-4ccc-a052-3dc57e315016" extension="xml" format_id="a994b278-1f62-11e1-96ac-406186ea4fc5" content_type="text/xml">
        <name>metasploitable2-scan</name>
        <report id="39f62b85-f870-4ccc-a052-3dc57e315016"><results start="1" max="-1">
        <result id="r1"><name>HTTP Debugging Methods (TRACE/TRACK) Enabled</name><host>192.168.0.100<asset asset_id="a"/><hostname/></host><port>443/tcp</port>
        <nvt oid="1.3.6.1.4.1.25623.1.0.11213"><type>nvt</type><name>HTTP Debugging Methods (TRACE/TRACK) Enabled</name><cvss_base>5.8</cvss_base>
        <refs><ref type="cve" id="CVE-2003-1567"/><ref type="cve" id="CVE-2004-2320"/><ref type="url" id="http://www.kb.cert.org/vuls/id/288308"/></refs></nvt>
        <threat>Medium</threat><severity>5.8</severity></result>
        </results></report></report>
        """;

    private const string Nmap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <nmaprun scanner="nmap" args="nmap -sV --script vulners 192.168.0.100" version="7.94">
        <host><status state="up"/><address addr="192.168.0.100" addrtype="ipv4"/>
        <ports><port protocol="tcp" portid="443"><state state="open"/><service name="https" product="Apache httpd" version="2.2.8"/>
        <script id="vulners" output="cpe:/a:apache:http_server:2.2.8: CVE-2003-1567 5.8"><table key="cpe:/a:apache:http_server:2.2.8"><table>
        <elem key="id">CVE-2003-1567</elem><elem key="type">cve</elem><elem key="cvss">5.8</elem><elem key="is_exploit">false</elem>
        </table></table></script></port></ports></host>
        </nmaprun>
        """;

    [Fact]
    public async Task Ingest_SameHostPortAndCveFromThreeScanners_IsOneFindingWithThreeSources()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);

        var report = await ingester.IngestAsync(
            new IngestRequest([fixture.File("nessus.csv", Nessus), fixture.File("openvas.xml", OpenVas), fixture.File("nmap.xml", Nmap)], "lab", null),
            CancellationToken.None);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        var stored = await fixture.Store.GetCurrentFindingsAsync("lab", CancellationToken.None);
        var trace = Assert.Single(stored, f => f.Vulnerability.Id == "CVE-2003-1567");
        Assert.Equal(["nessus", "nmap", "openvas"], trace.Sources.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["CVE-2003-1567 nessus,nmap,openvas", "CVE-2004-2320 openvas", "nmap:open-port nmap"],
            stored.Select(f => $"{f.Vulnerability.Id} {string.Join(',', f.Sources.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ingest_SameCveOnAnotherPort_StaysTwoFindings()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);

        await ingester.IngestAsync(
            new IngestRequest([fixture.File("nessus.csv", Nessus), fixture.File("openvas.xml", OpenVas.Replace("443/tcp", "80/tcp", StringComparison.Ordinal))], "lab", null),
            CancellationToken.None);

        var stored = await fixture.Store.GetCurrentFindingsAsync("lab", CancellationToken.None);
        Assert.Equal(2, stored.Count(f => f.Vulnerability.Id == "CVE-2003-1567"));
    }
}

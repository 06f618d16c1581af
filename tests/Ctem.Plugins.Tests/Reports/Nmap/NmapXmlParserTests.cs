using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Nmap;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Nmap;

public sealed class NmapXmlParserTests
{
    private const string TextPath = "/r/scan.xml";

    private static readonly NmapXmlParser Parser = new();

    [Theory]
    [InlineData("nmap_script_vulners.xml", true)]
    [InlineData("1_hosts_banner_ports.xml", true)]
    [InlineData("defused_et_local_includer.xml", false)]
    public void CanParse_Testdata(string name, bool expected) => Assert.Equal(expected, Parser.ClaimsFile(ReportParserHarness.TestDataPath("Nmap", name)));

    [SkippableTheory]
    [InlineData("zap", "defectdojo__5_zap_sample_one.xml")]
    [InlineData("openvas", null)]
    [InlineData("tenable-nessus", null)]
    [InlineData("masscan", null)]
    [InlineData("cyclonedx-vex", null)]
    [InlineData("sarif", null)]
    public void CanParse_OtherScannersSamples_AreNotClaimed(string directory, string? file)
    {
        RepoPaths.RequireShared();
        var files = file is null ? Directory.GetFiles(RepoPaths.SharedData("scanners", directory)) : [RepoPaths.SharedData("scanners", directory, file)];
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(Parser.ClaimsFile(f), f));
    }

    // Counted with python3 xml.etree: hosts whose <status state> is not "down" → ports with <state state="open"> (1 each)
    // + vulners <table> entries whose <elem key="id"> matches ^CVE-\d{4}-\d{4,}$ on those ports + port scripts and
    // <hostscript> scripts whose output matches "State:\s*(LIKELY\s+)?VULNERABLE". Assets = distinct up hosts + distinct
    // open (host, portid, protocol).
    [SkippableTheory]
    [InlineData("defectdojo__issue12411.xml", 4, 6)]
    [InlineData("defectdojo__issue4406.xml", 33, 26)] // 25 open ports + 8 vulners CVEs (of 42 vulners entries)
    [InlineData("defectdojo__nmap_0port.xml", 0, 1)]
    [InlineData("defectdojo__nmap_1port.xml", 1, 2)]
    [InlineData("defectdojo__nmap_multiple_port.xml", 13, 14)]
    [InlineData("defectdojo__nmap_script_vulners.xml", 3, 2)] // 1 open port + 2 vulners CVEs
    [InlineData("libnmap__1_host_ping.xml", 0, 1)]
    [InlineData("libnmap__1_hosts.xml", 5, 6)]
    [InlineData("libnmap__1_hosts_banner.xml", 5, 6)]
    [InlineData("libnmap__1_hosts_banner_ports.xml", 2, 3)]
    [InlineData("libnmap__1_hosts_banner_ports_notsyn.xml", 2, 3)]
    [InlineData("libnmap__1_hosts_banner_ports_xmas.xml", 0, 1)]
    [InlineData("libnmap__1_hosts_diff.xml", 4, 5)]
    [InlineData("libnmap__1_hosts_down.xml", 0, 1)]
    [InlineData("libnmap__1_hosts_nohostname.xml", 0, 1)]
    [InlineData("libnmap__1_os_banner_scripts.xml", 8, 9)]
    [InlineData("libnmap__2_hosts.xml", 8, 10)]
    [InlineData("libnmap__2_hosts_achange.xml", 7, 9)]
    [InlineData("libnmap__2_hosts_version.xml", 8, 10)]
    [InlineData("libnmap__2_null_hosts.xml", 0, 2)]
    [InlineData("libnmap__2_tcp_hosts.xml", 8, 10)]
    [InlineData("libnmap__diff_1_host_ping_mac_changed.xml", 0, 1)]
    [InlineData("libnmap__dionaea_scan.xml", 23, 17)] // 16 open ports + 5 vulners CVEs + 2 VULNERABLE host scripts
    [InlineData("libnmap__extra_ports.xml", 23, 17)]
    [InlineData("libnmap__full_sudo5.xml", 11, 15)]
    [InlineData("libnmap__full_sudo6.xml", 12, 16)]
    [InlineData("libnmap__fullscan.xml", 9, 11)]
    [InlineData("libnmap__os_scan5.xml", 11, 15)]
    [InlineData("libnmap__os_scan6.xml", 11, 14)]
    [InlineData("libnmap__test_osclass.xml", 7, 8)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string file, int findings, int assets)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "nmap", file);
        Assert.True(Parser.ClaimsFile(path));

        var result = await Parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal((findings, assets), (report.Findings.Count, report.Assets.Count));
        Assert.Equal("Nmap", report.Tool);
    }

    // Not Nmap reports: the XXE input is refused for its DTD, the entity-free one is a foreign root, the JSON is libnmap's own dump.
    [SkippableTheory]
    [InlineData("libnmap__defused_et_local_includer.xml", DiagnosticCodes.UnsupportedFormat, "DOCTYPE", "2:1")]
    [InlineData("libnmap__defused_et_included.xml", DiagnosticCodes.UnsupportedFormat, "expected <nmaprun>", "2:2")]
    [InlineData("libnmap__2_hosts.json", DiagnosticCodes.InvalidJson, "invalid XML", "1:1")]
    public async Task Parse_SharedSamplesThatAreNotNmapXml_Fail(string file, string code, string message, string location)
    {
        RepoPaths.RequireShared();
        var result = await Parser.ParseSharedAsync("nmap", file);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location), (error.Code, error.Location));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_EntityDeclaringDoctype_IsRefusedWithTheLoadersMessage()
    {
        var result = await Parser.ParseTestDataAsync("Nmap", "defused_et_local_includer.xml");

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedFormat, "2:1"), (error.Code, error.Location));
        Assert.StartsWith("refused: the document has a DOCTYPE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY x \"y\">]>\n<nmaprun>&x;</nmaprun>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \"file:///etc/passwd\">\n<nmaprun/>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprunx>\n<nmaprun/>")]
    public async Task Parse_DoctypeWithMoreThanTheRootName_IsRefused(string text)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        Assert.StartsWith("refused: the document has a DOCTYPE", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_Vulners_OneFindingPerCveWithScoreAsSeverity()
    {
        var result = await Parser.ParseTestDataAsync("Nmap", "nmap_script_vulners.xml");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("nmap/xml", "Nmap", "7.60"), (report.Format, report.Tool, report.ToolVersion));
        Assert.Equal("nmap -sV -p22 --script=vulners/vulners.nse -oX 192_168_0_1.xml 192.168.0.1", report.Target);
        Assert.Equal(["host:192.168.0.1", "tcp://192.168.0.1:5022"], report.Assets.Select(a => a.Key));
        Assert.Equal("OpenSSH 7.4", report.Assets[1].Version);

        var port = report.Findings[0];
        Assert.Equal(("nmap:open-port", "Open port 5022/tcp: ssh (OpenSSH 7.4)", "info", "tcp://192.168.0.1:5022"), (port.RuleId, port.Title, port.Severity, port.Asset.Key));
        Assert.Empty(port.VulnerabilityIds);
        Assert.Contains("cpe:/a:openbsd:openssh:7.4", port.Description, StringComparison.Ordinal);
        Assert.Equal("13:9", port.ReportPointer);

        var cves = report.Findings.Skip(1).ToList();
        Assert.Equal([["CVE-2018-15919"], ["CVE-2017-15906"]], cves.Select(f => f.VulnerabilityIds));
        Assert.All(cves, f => Assert.Equal(("nmap:vulners", "medium", "tcp://192.168.0.1:5022"), (f.RuleId, f.Severity, f.Asset.Key)));
        Assert.Equal("CVE-2018-15919 in cpe:/a:openbsd:openssh:7.4 on 192.168.0.1:5022/tcp", cves[0].Title);
        Assert.Equal("14:2", cves[0].ReportPointer);
    }

    [Fact]
    public async Task Parse_HostScripts_VulnerableOnesAreHostFindingsWithTheirCves()
    {
        var result = await Parser.ParseTestDataAsync("Nmap", "dionaea-trimmed.xml");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["host:172.28.1.3", "tcp://172.28.1.3:11211"], report.Assets.Select(a => a.Key));
        Assert.Equal("172.28.1.3 (dionaea)", report.Assets[0].Name);
        Assert.Equal(
            [
                "nmap:open-port tcp://172.28.1.3:11211 info ",
                "nmap:vulners tcp://172.28.1.3:11211 high CVE-2016-8705",
                "nmap:vulners tcp://172.28.1.3:11211 high CVE-2016-8704",
                "nmap:vulners tcp://172.28.1.3:11211 medium CVE-2016-8706",
                "nmap:vulners tcp://172.28.1.3:11211 medium CVE-2018-1000127",
                "nmap:vulners tcp://172.28.1.3:11211 medium CVE-2017-9951",
                "nmap:smb-double-pulsar-backdoor host:172.28.1.3 high ",
                "nmap:smb-vuln-ms17-010 host:172.28.1.3 high CVE-2017-0143",
            ],
            report.Findings.Select(f => $"{f.RuleId} {f.Asset.Key} {f.Severity} {string.Join(',', f.VulnerabilityIds)}"));
        var ms17 = report.Findings[^1];
        Assert.Equal("Remote Code Execution vulnerability in Microsoft SMBv1 servers (ms17-010) on 172.28.1.3 (dionaea)", ms17.Title);
        Assert.Contains("State: VULNERABLE", ms17.Description, StringComparison.Ordinal);
        Assert.Equal("Open port 11211/tcp: memcached (Memcached 1.4.25)", report.Findings[0].Title);
    }

    [Fact]
    public async Task Parse_ClosedPortsAndNotVulnerableScripts_AreNotFindings()
    {
        var result = await Parser.ParseTextAsync(TextPath, """
            <nmaprun scanner="nmap" version="7.94" args="nmap -sV h">
            <host><status state="up"/><address addr="2001:DB8::1" addrtype="ipv6"/><address addr="00:11:22:33:44:55" addrtype="mac"/>
            <ports>
            <port protocol="udp" portid="53"><state state="open|filtered"/></port>
            <port protocol="tcp" portid="443"><state state="open"/><service name="https"/>
            <script id="ssl-heartbleed" output="&#xa;  NOT VULNERABLE:&#xa;  The Heartbleed Bug&#xa;    State: NOT VULNERABLE&#xa;"/>
            <script id="ssl-ccs-injection" output="&#xa;  VULNERABLE:&#xa;  SSL/TLS MITM vulnerability (CCS Injection)&#xa;    State: LIKELY VULNERABLE&#xa;    IDs:  CVE:CVE-2014-0224&#xa;    CVSSv2: 6.8"/>
            </port>
            </ports></host>
            </nmaprun>
            """);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(["host:[2001:db8::1]", "tcp://[2001:db8::1]:443"], report.Assets.Select(a => a.Key));
        Assert.Equal(["Open port 443/tcp: https", "SSL/TLS MITM vulnerability (CCS Injection) on [2001:db8::1]:443/tcp"], report.Findings.Select(f => f.Title));
        Assert.Equal(["CVE-2014-0224"], report.Findings[1].VulnerabilityIds);
        Assert.Equal("medium", report.Findings[1].Severity);
    }

    [Fact]
    public async Task Parse_HostWithoutAddressOrPortWithoutId_WarnsAndKeepsTheRest()
    {
        var result = await Parser.ParseTextAsync(TextPath, "<nmaprun>\n<host><status state=\"up\"/></host>\n<host><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/><ports>\n<port protocol=\"tcp\"><state state=\"open\"/></port>\n<port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/></port></ports></host>\n</nmaprun>");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal("Open port 22/tcp", Assert.Single(report.Findings).Title);
        Assert.Equal(["2:2", "4:2"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("<nmaprun>\n<host>\n</nmaprun>", DiagnosticCodes.InvalidJson, "3:3")]
    [InlineData("<?xml version=\"1.0\"?>\n<OWASPZAPReport version=\"2.9.0\"/>", DiagnosticCodes.UnsupportedFormat, "2:2")]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string location)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location), (error.Code, error.Location));
    }
}

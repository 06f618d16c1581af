using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

/// <summary>One identity per exposure: what must merge (the same thing seen twice) and what must never (different endpoints, DefectDojo #12397).</summary>
public sealed class ReportFindingMapperTests
{
    private static readonly ScannerReport Zap = new("zap/xml", "ZAP", null, null, []);
    private static readonly ScannerReport Trivy = new("trivy/json", "Trivy", null, null, []);
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoAliases = new Dictionary<string, IReadOnlyList<string>>();

    public static TheoryData<string, ReportedFinding, ReportedFinding, bool> Pairs => new()
    {
        { "two hosts, same port", Rule(ReportedAsset.Endpoint("10.0.0.1", 443)), Rule(ReportedAsset.Endpoint("10.0.0.2", 443)), false },
        { "one host, two ports", Rule(ReportedAsset.Endpoint("10.0.0.1", 443)), Rule(ReportedAsset.Endpoint("10.0.0.1", 8443)), false },
        { "tcp and udp", Rule(ReportedAsset.Endpoint("10.0.0.1", 53)), Rule(ReportedAsset.Endpoint("10.0.0.1", 53, "udp")), false },
        { "host name case", Rule(ReportedAsset.Endpoint("Web.Example", 443)), Rule(ReportedAsset.Endpoint("web.example", 443)), true },
        { "two paths", Rule(ReportedAsset.Url("https://shop.example/a")!), Rule(ReportedAsset.Url("https://shop.example/b")!), false },
        { "two hosts, same path", Rule(ReportedAsset.Url("https://a.example/login")!), Rule(ReportedAsset.Url("https://b.example/login")!), false },
        { "default port and fragment", Rule(ReportedAsset.Url("HTTPS://Shop.Example:443/a#top")!), Rule(ReportedAsset.Url("https://shop.example/a")!), true },
        { "two parameters", Rule(ReportedAsset.Url("https://shop.example/a")!, "param=q"), Rule(ReportedAsset.Url("https://shop.example/a")!, "param=id"), false },
        { "file, two lines", Rule(ReportedAsset.File("src/app.py"), "line 3"), Rule(ReportedAsset.File("src/app.py"), "line 9"), false },
        { "file, same fingerprint after a line shift", Rule(ReportedAsset.File("./src/app.py"), "line 3", "fp1"), Rule(ReportedAsset.File("src/app.py"), "line 9", "fp1"), true },
        { "package, two versions", Vulnerability("pkg:npm/a@1.0.0", "CVE-1"), Vulnerability("pkg:npm/a@1.0.1", "CVE-1"), false },
        { "package, qualifiers differ", Vulnerability("pkg:deb/debian/a@1?arch=amd64", "CVE-1"), Vulnerability("pkg:deb/debian/a@1?distro=debian-12", "CVE-1"), true },
        { "package, two vulnerabilities", Vulnerability("pkg:npm/a@1.0.0", "CVE-1"), Vulnerability("pkg:npm/a@1.0.0", "CVE-2"), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void ToObserved_TwoFindings_MergeOnlyWhenTheyAreOneExposure(string name, ReportedFinding a, ReportedFinding b, bool same)
    {
        Assert.NotEmpty(name);
        var report = a.Asset.Kind == AssetKind.Package ? Trivy : Zap;

        var first = ReportFindingMapper.ToObserved(report, a, "r.json", NoAliases);
        var second = ReportFindingMapper.ToObserved(report, b, "r.json", NoAliases);

        Assert.Equal(same, first.Key == second.Key);
    }

    [Fact]
    public void ToObserved_IdsInOneAliasGroup_TakeThePreferredIdAndKeepTheToolsNames()
    {
        var groups = new Dictionary<string, IReadOnlyList<string>> { ["GHSA-x"] = ["CVE-2024-1", "GHSA-x", "GO-2024-1"] };

        var observed = ReportFindingMapper.ToObserved(Trivy, Vulnerability("pkg:npm/a@1.0.0", "GHSA-x"), "r.json", groups);

        Assert.Equal("CVE-2024-1", observed.Vulnerability.Id);
        Assert.Equal(["GHSA-x", "GO-2024-1"], observed.Vulnerability.Aliases);
        Assert.Equal(["GHSA-x"], observed.ReportedAs);
    }

    [Fact]
    public void ToObserved_RulesOfTwoTools_NeverMerge()
    {
        var finding = Rule(ReportedAsset.Url("https://shop.example/a")!);

        var zap = ReportFindingMapper.ToObserved(Zap, finding, "r.json", NoAliases);
        var nuclei = ReportFindingMapper.ToObserved(new ScannerReport("nuclei/jsonl", "nuclei", null, null, []), finding, "r.json", NoAliases);

        Assert.Equal(("zap:10020", "nuclei:10020"), (zap.Vulnerability.Id, nuclei.Vulnerability.Id));
    }

    [Fact]
    public void ToObserved_RuleAlreadyNamingItsTool_IsNotPrefixedTwice()
    {
        var finding = new ReportedFinding(ReportedAsset.Endpoint("10.0.0.1", 22), [], "nmap:open-port", "Open port", "info", null);

        var observed = ReportFindingMapper.ToObserved(new ScannerReport("nmap/xml", "Nmap", null, null, []), finding, "r.xml", NoAliases);

        Assert.Equal("nmap:open-port", observed.Vulnerability.Id);
    }

    /// <summary>A code finding sits in its file, relative to the tool's own root; anything else in the report that names it.</summary>
    public static TheoryData<string, ReportedFinding, string?, string, int?> Places => new()
    {
        { "file with line", Rule(ReportedAsset.File("./src/app.py"), "line 3"), null, "src/app.py", 3 },
        { "file without line", Rule(ReportedAsset.File("Dockerfile")), null, "Dockerfile", null },
        { "endpoint", Rule(ReportedAsset.Endpoint("10.0.0.1", 22)) with { ReportPointer = "line 40" }, "/ci", "reports/nmap.xml", 40 },
        { "url", Rule(ReportedAsset.Url("https://shop.example/a")!, "param=q"), "/ci", "reports/nmap.xml", null },
        { "package", Vulnerability("pkg:npm/a@1.0.0", "CVE-1") with { ReportPointer = "/Results/0/Vulnerabilities/3" }, "/ci", "reports/nmap.xml", null },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void ToObserved_Finding_PlacedAtItsFileElseTheReport(string name, ReportedFinding finding, string? root, string path, int? line)
    {
        Assert.NotEmpty(name);
        var ci = Path.GetFullPath("/ci");

        var observed = ReportFindingMapper.ToObserved(Zap, finding, Path.Combine(ci, "reports", "nmap.xml"), NoAliases, ci);

        Assert.Equal(new FilePlace(root is null ? null : ci, path, line), observed.Place);
    }

    private static ReportedFinding Rule(ReportedAsset asset, string? pointer = null, string? fingerprint = null) =>
        new(asset, [], "10020", "Missing header", "low", pointer is null ? null : new SourceLocation(asset.Name, pointer)) { ToolFingerprint = fingerprint };

    private static ReportedFinding Vulnerability(string purl, string id) =>
        new(ReportedAsset.Package(PackageUrl.Parse(purl).Value!), [id], id, id, "high", null);
}

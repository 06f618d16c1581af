using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Discovery.Reports.Suspicion;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports.Suspicion;

/// <summary>Issue 11: a finding whose advisories are all for another ecosystem than its component's is suspect; nothing else is.</summary>
public sealed class EcosystemMismatchRuleTests
{
    private const string Through = "the advisory is for crates.io (RUSTSEC-2021-0049), the component is npm";
    private static readonly ScannerReport Grype = new("grype/json", "grype", null, null, []);

    /// <summary>Cases: component purl, the ids the tool gives, the advisories held ("ID=ecosystem,…", all in one alias group with the tool's ids) → the reason, or null.</summary>
    public static TheoryData<string, string[], string[], string?> Cases => new()
    {
        // The DefectDojo Grype sample many_vulns4.json: the CVE is RUSTSEC-2021-0049's alias, matched to npm by name.
        { "pkg:npm/through@2.3.8", ["CVE-2021-29940"], ["RUSTSEC-2021-0049=crates.io"], Through },
        { "pkg:cargo/through@0.1.0", ["CVE-2021-29940"], ["RUSTSEC-2021-0049=crates.io"], null },
        // The tool's own RUSTSEC id: its database covers crates.io only, held or not.
        { "pkg:npm/through@2.3.8", ["RUSTSEC-2021-0049"], [], Through },
        { "pkg:npm/x@1.0.0", ["GO-2022-0001"], [], "the advisory is for Go (GO-2022-0001), the component is npm" },
        { "pkg:npm/x@1.0.0", ["CVE-2020-1"], ["RUSTSEC-2020-1=crates.io", "PYSEC-2020-2=PyPI"], "the advisories are for PyPI and crates.io (PYSEC-2020-2, RUSTSEC-2020-1), the component is npm" },
        // A held record says more than its prefix: this PYSEC is (also) for npm.
        { "pkg:npm/x@1.0.0", ["CVE-2020-1"], ["PYSEC-2020-2=PyPI,npm"], null },
        { "pkg:npm/x@1.0.0", ["CVE-2020-1"], ["GHSA-aaaa-bbbb-cccc=npm", "RUSTSEC-2020-1=crates.io"], null },
        // Distributions and Bitnami repackage: their advisories say nothing against a registry's package, nor its against theirs.
        { "pkg:pypi/redis@3.5.3", ["CVE-2021-32626"], ["BIT-redis-2021-32626=Bitnami", "DEBIAN-CVE-2021-32626=Debian:12"], null },
        { "pkg:deb/debian/python3-x@1.0?distro=debian-12", ["CVE-2020-1"], ["PYSEC-2020-2=PyPI"], null },
        // Grype's Maven finding names GHSA-rhrv-645h-fjfh (for Maven); PyPA's PYSEC-2023-188 lists the Java CVE for PyPI.
        { "pkg:maven/org.apache.avro/avro@1.11.1", ["CVE-2023-39410", "GHSA-rhrv-645h-fjfh"], ["PYSEC-2023-188=PyPI"], null },
        { "pkg:maven/org.apache.avro/avro@1.11.1", ["CVE-2023-39410", "GHSA-rhrv-645h-fjfh"], ["PYSEC-2023-188=PyPI", "GHSA-rhrv-645h-fjfh=Maven"], null },
        { "pkg:maven/org.apache.avro/avro@1.11.1", ["CVE-2023-39410"], ["PYSEC-2023-188=PyPI"], "the advisory is for PyPI (PYSEC-2023-188), the component is Maven" },
        // Nothing known of the CVE: no evidence, no suspicion.
        { "pkg:npm/delegate@3.2.0", ["CVE-1999-1338"], [], null },
        { "pkg:npm/x@1.0.0", ["CVE-2020-1"], ["DSA-1-1=Debian:11"], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Judge_Case_GivesTheReasonOrNothing(string purl, string[] ids, string[] held, string? reason)
    {
        var evidence = new SuspicionEvidence(held.Select(h => h.Split('=')).ToDictionary(h => h[0], h => (IReadOnlyList<string>)h[1].Split(','), StringComparer.Ordinal));
        var group = ids.Concat(evidence.AdvisoryEcosystems.Keys).Order(StringComparer.Ordinal).ToList();
        var finding = ReportFindingMapper.ToObserved(Grype, Package(ReportedAsset.Package(PackageUrl.Parse(purl).Value!), ids), "r.json", ids.ToDictionary(id => id, _ => (IReadOnlyList<string>)group));

        Assert.Equal(reason, new EcosystemMismatchRule().Judge(finding, evidence));
    }

    [Fact]
    public void Judge_AssetWithoutEcosystem_IsNeverSuspect()
    {
        var evidence = new SuspicionEvidence(new Dictionary<string, IReadOnlyList<string>> { ["RUSTSEC-2021-0049"] = ["crates.io"] });
        var assets = new[] { ReportedAsset.Package("npm", "through", "2.3.8"), ReportedAsset.Endpoint("10.0.0.1", 443), ReportedAsset.File("src/lib.rs") };

        var judged = assets.Select(a => new EcosystemMismatchRule().Judge(ReportFindingMapper.ToObserved(Grype, Package(a, ["RUSTSEC-2021-0049"]), "r.json", new Dictionary<string, IReadOnlyList<string>>()), evidence));

        Assert.All(judged, Assert.Null);
    }

    [Fact]
    public void Mark_SeveralRules_TheFirstRuleWithAReasonWins()
    {
        var finding = ReportFindingMapper.ToObserved(Grype, Package(ReportedAsset.Package(PackageUrl.Parse("pkg:npm/through@2.3.8").Value!), ["RUSTSEC-2021-0049"]), "r.json", new Dictionary<string, IReadOnlyList<string>>());
        var other = ReportFindingMapper.ToObserved(Grype, Package(ReportedAsset.Package(PackageUrl.Parse("pkg:cargo/through@0.1.0").Value!), ["RUSTSEC-2021-0049"]), "r.json", new Dictionary<string, IReadOnlyList<string>>());

        var marked = FindingSuspicion.Mark([finding, other], SuspicionEvidence.None, [new Fixed(null), new EcosystemMismatchRule(), new Fixed("second")]);

        Assert.Equal([Through, "second"], marked.Select(f => f.Suspect));
        Assert.Equal([finding.Key, other.Key], marked.Select(f => f.Key));
    }

    private static ReportedFinding Package(ReportedAsset asset, string[] ids) => new(asset, ids, null, "title", "high", null);

    private sealed class Fixed(string? reason) : ISuspicionRule
    {
        public string? Judge(ObservedFinding finding, SuspicionEvidence evidence) => reason;
    }
}

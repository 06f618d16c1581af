using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Discovery.Reports.Suspicion;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports.Suspicion;

/// <summary>Issue 11: a CVE known only by CPEs that name no software of the component's registry is suspect; nothing else is.</summary>
public sealed class CpeProductMismatchRuleTests
{
    private const string RedisServer = "cpe:2.3:a:redis:redis:*:*:*:*:*:*:*:*";
    private const string Smoothie = "cpe:2.3:a:smoothiecharts:smoothie_charts:*:*:*:*:*:node.js:*:*";
    private const string Jackson = "cpe:2.3:a:fasterxml:jackson-databind:*:*:*:*:*:*:*:*";
    private static readonly ScannerReport Grype = new("grype/json", "grype", null, null, []);

    /// <summary>
    /// Cases: component purl, the CVE, the CPEs the tool matched it by, NVD's vulnerable CPEs held, the ecosystems whose
    /// advisories are held, an advisory held for the CVE ("ID=ecosystem") → the reason, or null.
    /// </summary>
    public static TheoryData<string, string, string[], string[], string[], string?, string?> Cases => new()
    {
        // The DefectDojo Grype sample many_vulns4.json: the Redis server's CVE on the Python client, matched by CPE.
        {
            "pkg:pypi/redis@3.5.3", "CVE-2021-32626", [RedisServer], [], ["PyPI"], null,
            "the tool matched it by CPE only (cpe:2.3:a:redis:redis:*:*:*:*:*:*:*:*), which names no PyPI software, and none of the PyPI advisories held names it"
        },
        // Without PyPI's advisories held, nothing says the CVE is not the client's.
        { "pkg:pypi/redis@3.5.3", "CVE-2021-32626", [RedisServer], [], [], null, null },
        // A PyPI advisory for the CVE outweighs any CPE.
        { "pkg:pypi/redis@3.5.3", "CVE-2021-32626", [RedisServer], [], ["PyPI"], "PYSEC-2021-1=PyPI", null },
        // NVD's CPE names an npm library (smoothie, CVE-2022-25929): suspect on PyPI, with or without the tool's word.
        { "pkg:pypi/smoothie@1.0", "CVE-2022-25929", [], [Smoothie], [], null, "its CPEs are for node.js software (" + Smoothie + "), the component is PyPI" },
        { "pkg:npm/smoothie@1.0.3", "CVE-2022-25929", [], [Smoothie], ["npm"], null, null },
        // Any platform, from NVD only: most library CVEs look like this, so nothing is said.
        { "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.0", "CVE-2019-12384", [], [Jackson], ["Maven"], null, null },
        // Grype's CPE match of a Java archive with Maven's advisories held but none for the CVE: CPE-only, suspect.
        {
            "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.0", "CVE-2019-12384", [Jackson], [], ["Maven"], null,
            "the tool matched it by CPE only (" + Jackson + "), which names no Maven software, and none of the Maven advisories held names it"
        },
        { "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.0", "CVE-2019-12384", [Jackson], [], ["Maven"], "GHSA-mx7p-6679-8g3q=Maven", null },
        // many_vulns4.json again: a Perl module's CVE on npm's clipboard, the Rust crate's on npm's through.
        {
            "pkg:npm/clipboard@2.0.8", "CVE-2014-5509", ["cpe:2.3:a:clipboard_project:clipboard:-:*:*:*:*:perl:*:*"], [], [], null,
            "its CPEs are for perl software (cpe:2.3:a:clipboard_project:clipboard:-:*:*:*:*:perl:*:*), the component is npm"
        },
        {
            "pkg:npm/through@2.3.8", "CVE-2021-29940", ["cpe:2.3:a:through_project:through:*:*:*:*:*:rust:*:*"], [], [], null,
            "its CPEs are for rust software (cpe:2.3:a:through_project:through:*:*:*:*:*:rust:*:*), the component is npm"
        },
        // A Jenkins plugin is a Maven artifact; an unknown platform is no language.
        { "pkg:maven/org.jenkins-ci.plugins/git@4.0.0", "CVE-2022-1", [], ["cpe:2.3:a:jenkins:git:*:*:*:*:*:jenkins:*:*"], [], null, null },
        { "pkg:npm/x@1.0.0", "CVE-2022-2", [], ["cpe:2.3:a:x_project:x:*:*:*:*:*:android:*:*"], [], null, null },
        // One CPE for the component's language among others clears it; operating systems and hardware are not software of a language.
        { "pkg:npm/x@1.0.0", "CVE-2022-3", [], ["cpe:2.3:a:x:x:*:*:*:*:*:python:*:*", "cpe:2.3:a:x:x:*:*:*:*:*:node.js:*:*"], [], null, null },
        { "pkg:npm/x@1.0.0", "CVE-2022-4", [], ["cpe:2.3:o:debian:debian_linux:11.0:*:*:*:*:*:*:*"], [], null, null },
        // Distribution packages are never judged.
        { "pkg:deb/debian/redis@6.0.16?distro=debian-11", "CVE-2021-32626", [RedisServer], [], ["Debian:11"], null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Judge_Case_GivesTheReasonOrNothing(string purl, string cve, string[] matched, string[] nvd, string[] held, string? advisory, string? reason)
    {
        var advisories = advisory is null ? [] : new[] { advisory.Split('=') };
        var evidence = new SuspicionEvidence(advisories.ToDictionary(a => a[0], a => (IReadOnlyList<string>)[a[1]], StringComparer.Ordinal))
        {
            NvdVulnerableCpes = nvd.Length == 0 ? new Dictionary<string, IReadOnlyList<CpeName>>() : new Dictionary<string, IReadOnlyList<CpeName>> { [cve] = [.. nvd.Select(c => CpeName.Parse(c)!)] },
            EcosystemsHeld = held.ToHashSet(StringComparer.Ordinal),
        };
        IReadOnlyList<string> group = [cve, .. advisories.Select(a => a[0])];
        var reported = new ReportedFinding(ReportedAsset.Package(PackageUrl.Parse(purl).Value!), [cve], null, cve, null, null) { MatchedCpes = matched };
        var finding = ReportFindingMapper.ToObserved(Grype, reported, "r.json", new Dictionary<string, IReadOnlyList<string>> { [cve] = group });

        Assert.Equal(reason, new CpeProductMismatchRule().Judge(finding, evidence));
    }
}

using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

public sealed class StoredFactsTests
{
    private const string Purl = "pkg:deb/debian/openssl@3.0.1";
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private static readonly StoredFinding Stored = new(
        1, "shop", Purl, "Debian", "openssl", "3.0.1",
        new VulnerabilityRef("CVE-1", ["DSA-1", "GHSA-a"], "advisory summary", "CRITICAL", ["GHSA-a"]) { Cvss = Critical },
        ["3.0.9"], FindingStatus.Open, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, ["ctem-scan"])
    {
        Relation = DependencyRelation.Direct,
        Scope = DependencyScope.Runtime,
    };

    [Theory]
    [InlineData("CVE-1", "", true)]
    [InlineData("GHSA-a", "", true)]
    [InlineData("CVE-9", "CVE-1", true)]
    [InlineData("CVE-2", "DSA-1", false)]
    [InlineData("CVE-3", "", false)]
    public void Enrich_OnlyTheSameVulnerability_TakesTheStoredFacts(string id, string alias, bool enriched)
    {
        var observed = Observed(id, alias.Length == 0 ? [] : [alias]);

        var result = new StoredFacts([Stored], BuiltInPlugins.VersionSchemes).Enrich(observed, "grype");

        Assert.Equal(enriched, result.Vulnerability.Cvss == Critical);
        Assert.Equal(enriched ? DependencyRelation.Direct : DependencyRelation.Unspecified, result.Component.Relation);
        Assert.Equal(enriched ? ["3.0.5", "3.0.9"] : ["3.0.5"], result.FixedVersions);
    }

    [Fact]
    public void Enrich_OtherAsset_TakesNothing()
    {
        var observed = Observed("CVE-1", []) with { Component = new Component("openssl", "3.0.2", PackageUrl.Parse("pkg:deb/debian/openssl@3.0.2").Value, null, new SourceLocation("r", null)) };

        Assert.Null(new StoredFacts([Stored], BuiltInPlugins.VersionSchemes).Enrich(observed, "grype").Vulnerability.Cvss);
    }

    /// <summary>Regression: a tool's corrected fix version was united with the one it reported before, for ever.</summary>
    [Fact]
    public void Enrich_FactsOnlyTheSameToolGave_AreReplacedNotKept()
    {
        var ownOnly = Stored with { Sources = ["grype"] };

        var result = new StoredFacts([ownOnly], BuiltInPlugins.VersionSchemes).Enrich(Observed("CVE-1", []), "grype");

        Assert.Equal(["3.0.5"], result.FixedVersions);
        Assert.Null(result.Vulnerability.Cvss);
    }

    /// <summary>Regression: within one ingest, a later tool wiped the severity an earlier tool had just given.</summary>
    [Fact]
    public void Enrich_AfterAnEarlierToolOfTheSameIngest_KeepsItsFacts()
    {
        var facts = new StoredFacts([], BuiltInPlugins.VersionSchemes);
        facts.Remember("shop", "grype", [Observed("CVE-1", [])]);

        var result = facts.Enrich(Observed("CVE-1", []) with { Vulnerability = new VulnerabilityRef("CVE-1", [], null, null, []) }, "osv-scanner");

        Assert.Equal(("HIGH", "tool title"), (result.Vulnerability.Severity, result.Vulnerability.Summary));
    }

    /// <summary>The scan's manifest and line say more than the report that names the package: that place stands.</summary>
    [Theory]
    [InlineData("ctem-scan", "sbom.json")]
    [InlineData("grype", "grype.json")]
    public void Enrich_PlaceOfAnotherSource_Stands(string storedBy, string placedAt)
    {
        var stored = Stored with { Sources = [storedBy], Place = new FilePlace("/src", "sbom.json", 40) };
        var observed = Observed("CVE-1", []) with { Place = new FilePlace("/ci", "grype.json", null) };

        var result = new StoredFacts([stored], BuiltInPlugins.VersionSchemes).Enrich(observed, "grype");

        Assert.Equal(placedAt, result.Place?.Path);
    }

    private static ObservedFinding Observed(string id, IReadOnlyList<string> aliases) => new(
        new Component("openssl", "3.0.1", PackageUrl.Parse(Purl).Value, null, new SourceLocation("grype.json", "/matches/0")),
        new VulnerabilityRef(id, aliases, "tool title", "HIGH", []),
        ["3.0.5"]);
}

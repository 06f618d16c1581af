using Ctem.Core.Model;
using Ctem.Plugins.Reports.Sarif;
using Ctem.Plugins.Reports.Sarif.Packages;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Sarif.Packages;

/// <summary>Each producer's convention, as its real outputs write it: the package read, and how sure that reading is.</summary>
public sealed class SarifPackageConventionsTests
{
    private const string TrivyOsMessage = "Package: libssl1.1\nInstalled Version: 1.1.1c-r0\nVulnerability CVE-2019-1549\nSeverity: MEDIUM";

    /// <summary>Tool, facts of one result, the asset key expected (null: no package), the confidence expected.</summary>
    private static readonly (string Tool, SarifResultFacts Result, string? Key, IdentityConfidence Confidence)[] Table =
    [
        ("Trivy", Facts("CVE-2019-1549", "OsPackageVulnerability", TrivyOsMessage, file: "alpine-310.tar.gz", targets: ["testdata/fixtures/images/alpine-310.tar.gz"]), "pkg:apk/alpine/libssl1.1@1.1.1c-r0", IdentityConfidence.Guessed),
        ("Trivy", Facts("CVE-2019-1549", "OsPackageVulnerability", TrivyOsMessage, file: "image.tar", targets: ["registry.example/app:1"]), "libssl1.1@1.1.1c-r0", IdentityConfidence.Stated),
        ("Trivy", Facts("CVE-2019-1549", "OsPackageVulnerability", TrivyOsMessage, targets: ["debian-ubuntu-mix"]), "libssl1.1@1.1.1c-r0", IdentityConfidence.Stated),
        ("Trivy", Facts("CVE-2021-23337", "LanguageSpecificPackageVulnerability", "Package: lodash\nInstalled Version: 4.17.20", file: "app/package-lock.json"), "pkg:npm/lodash@4.17.20", IdentityConfidence.Inferred),
        ("Trivy", Facts("CVE-2022-1", "LanguageSpecificPackageVulnerability", "Package: golang.org/x/net\nInstalled Version: v0.1.0", file: "go.mod"), "pkg:golang/golang.org/x/net@v0.1.0", IdentityConfidence.Inferred),
        ("Trivy", Facts("CVE-2019-1549", null, null, locationMessage: "alpine-310.tar.gz: libssl1.1@1.1.1c-r0"), "libssl1.1@1.1.1c-r0", IdentityConfidence.Stated),
        ("grype", Facts("CVE-1999-0001-package-1", "DpkgMatcherExactDirectMatch", null, help: "Package: package-1\nVersion: 1.1.1\nType: rpm"), "rpm:package-1@1.1.1", IdentityConfidence.Stated),
        ("grype", Facts("CVE-1999-0001-package-1", null, null, fullDescription: "Version 1.1.1 is affected with an available fix"), "package-1@1.1.1", IdentityConfidence.Inferred),
        ("dependency-check", Facts("CVE-2012-6708", null, null, file: "/src/.venv/lib/python3.9/site-packages/x/static/jquery-1.8.0.min.js"), "pkg:javascript/jquery@1.8.0", IdentityConfidence.Inferred),
        ("dependency-check", Facts("CVE-2015-9251", null, null, file: "/src/.venv/lib/python3.9/site-packages/coverage/htmlfiles/jquery.min.js"), null, IdentityConfidence.Unspecified),
        ("any", Facts("X-1", null, null, file: "/usr/lib/python3/site-packages/requests-2.25.1.dist-info/METADATA"), "pkg:pypi/requests@2.25.1", IdentityConfidence.Inferred),
        ("any", Facts("X-1", null, "Package: minimist\nVersion: 1.2.5", file: "app/node_modules/minimist/package.json"), "pkg:npm/minimist@1.2.5", IdentityConfidence.Inferred),
        ("any", Facts("X-1", null, "Package: libde265-0\nInstalled Version: 1.0.3-1", file: "/usr/share/doc/libde265-0/copyright"), "deb:libde265-0@1.0.3-1", IdentityConfidence.Inferred),
        ("any", Facts("X-1", null, "Package: libde265-0\nInstalled Version: 1.0.3-1", file: "/var/lib/dpkg/status"), "deb:libde265-0@1.0.3-1", IdentityConfidence.Inferred),
        ("any", Facts("X-1", null, null, file: "/usr/share/doc/libde265-0/copyright"), null, IdentityConfidence.Unspecified),
        ("any", Facts("py/sql-injection", null, "This query depends on a user-provided value.", file: "src/app.py"), null, IdentityConfidence.Unspecified),
    ];

    public static TheoryData<int> Cases => [.. Enumerable.Range(0, Table.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void PackageOf_AProducersResult_ReadsThePackageAndSaysHow(int index)
    {
        var (tool, result, key, confidence) = Table[index];

        var package = SarifPackageConventions.PackageOf(tool, result);

        Assert.Equal(key, package?.Asset.Key);
        Assert.Equal(confidence, package?.Identity.Confidence ?? IdentityConfidence.Unspecified);
        Assert.True(package is null || package.Identity.DerivedFrom.Length > 0);
    }

    [SkippableFact]
    public async Task Parse_DependencyCheckSarif_VersionedJavaScriptFilesAreTheirLibraries()
    {
        var result = await new SarifParser().ParseSharedAsync("sarif", "defectdojo__dependency_check.sarif");

        var findings = result.Report!.Findings;
        Assert.Equal(["pkg:javascript/handlebars@1.0.0", "pkg:javascript/jquery@1.8.0"], findings.Where(f => f.Asset.Kind == AssetKind.Package).Select(f => f.Asset.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.All(findings.Where(f => f.Asset.Kind == AssetKind.Package), f => Assert.Equal(IdentityConfidence.Inferred, f.Identity?.Confidence));
        Assert.Contains(findings, f => f.Asset.Key == "file:/src/.venv/lib/python3.9/site-packages/coverage/htmlfiles/jquery.min.js" && f.Identity is null);
    }

    private static SarifResultFacts Facts(
        string? ruleId, string? ruleName, string? message, string? help = null, string? fullDescription = null, string? file = null, string? locationMessage = null, string[]? targets = null) =>
        new(ruleId, ruleName, message, help, fullDescription, file, locationMessage, null, targets ?? []);
}

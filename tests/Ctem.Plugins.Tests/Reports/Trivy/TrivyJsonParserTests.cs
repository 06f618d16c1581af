using Ctem.Core.Model;
using Ctem.Plugins.Reports.Trivy;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Trivy;

public sealed class TrivyJsonParserTests
{
    private const string TextPath = "/r/trivy.json";

    private static readonly TrivyJsonParser Parser = new();

    /// <summary>
    /// Every Trivy sample in ../shared: the number of findings, counted with Python's json module — vulnerabilities
    /// with VulnerabilityID and PkgName, misconfigurations not PASS/EXCEPTION, and secrets, over Results[] (schema 2),
    /// the legacy list of results, or the Kubernetes report's resources — or null for files that are not Trivy JSON
    /// reports (Trivy's CycloneDX, SPDX, GitLab, ASFF, GSBOM outputs; a legacy report of just `null`), which must not
    /// be claimed.
    /// </summary>
    public static TheoryData<string, int?> Samples => new()
    {
        { "defectdojo__all_statuses.json", 8 },
        { "defectdojo__cvss_severity_source.json", 2 },
        { "defectdojo__cvssv4_severity_source.json", 3 },
        { "defectdojo__issue_10991.json", 37 },
        { "defectdojo__issue_14136.json", 1 },
        { "defectdojo__issue_9092.json", 1 },
        { "defectdojo__issue_9170.json", 37 },
        { "defectdojo__issue_9263.json", 1 },
        { "defectdojo__issue_9333.json", 13 },
        { "defectdojo__kubernetes.json", 20 },
        { "defectdojo__kubernetes_fabricated_internal_duplicates.json", 13 },
        { "defectdojo__kubernetes_fabricated_internal_duplicates_subset.json", 5 },
        { "defectdojo__kubernetes_fabricated_subset.json", 13 },
        { "defectdojo__legacy_many_vulns.json", 93 },
        { "defectdojo__legacy_no_vuln.json", null },
        { "defectdojo__legacy_trivy_mix.json", 6 },
        { "defectdojo__license_scheme.json", 0 },
        { "defectdojo__misconfigurations_and_secrets.json", 5 },
        { "defectdojo__scheme_2_many_vulns.json", 5 },
        { "defectdojo__scheme_2_no_vuln.json", 0 },
        { "defectdojo__severity_prio.json", 2 },
        { "trivy-integration__almalinux-8.json", 1 },
        { "trivy-integration__alpine-310.asff.json", null },
        { "trivy-integration__alpine-310.gitlab-codequality.json", null },
        { "trivy-integration__alpine-310.gitlab.json", null },
        { "trivy-integration__alpine-310.gsbom.json", null },
        { "trivy-integration__alpine-310.json", 4 },
        { "trivy-integration__alpine-39-high-critical.json", 2 },
        { "trivy-integration__alpine-39-ignore-cveids.json", 2 },
        { "trivy-integration__alpine-39-skip.json", 0 },
        { "trivy-integration__alpine-39.json", 6 },
        { "trivy-integration__alpine-distroless.json", 1 },
        { "trivy-integration__amazon-1.json", 1 },
        { "trivy-integration__amazon-2.json", 2 },
        { "trivy-integration__amazonlinux2-gp2-x86-vm.json", 1 },
        { "trivy-integration__bun.json", 1 },
        { "trivy-integration__busybox-with-lockfile.json", 2 },
        { "trivy-integration__cargo.lock.json", 0 },
        { "trivy-integration__centos-6.json", 2 },
        { "trivy-integration__centos-7-ignore-unfixed.json", 2 },
        { "trivy-integration__centos-7-medium.json", 1 },
        { "trivy-integration__centos-7.json", 3 },
        { "trivy-integration__cocoapods.json", 1 },
        { "trivy-integration__composer.lock.json", 1 },
        { "trivy-integration__composer.vendor.json", 1 },
        { "trivy-integration__conan.json", 1 },
        { "trivy-integration__conda-cyclonedx.json", null },
        { "trivy-integration__conda-environment-cyclonedx.json", null },
        { "trivy-integration__conda-spdx.json", null },
        { "trivy-integration__debian-buster-ignore-unfixed.json", 1 },
        { "trivy-integration__debian-buster.json", 2 },
        { "trivy-integration__debian-stretch.json", 5 },
        { "trivy-integration__distroless-base.json", 4 },
        { "trivy-integration__distroless-python27.json", 4 },
        { "trivy-integration__dockerfile-custom-policies.json", 2 },
        { "trivy-integration__dockerfile.json", 1 },
        { "trivy-integration__dockerfile_file_pattern.json", 1 },
        { "trivy-integration__dotnet.json", 1 },
        { "trivy-integration__fluentd-gems.json", 2 },
        { "trivy-integration__fluentd-multiple-lockfiles-short.cdx.json", null },
        { "trivy-integration__fluentd-multiple-lockfiles.cdx.json", null },
        { "trivy-integration__fluentd-multiple-lockfiles.json", 3 },
        { "trivy-integration__gomod-skip.json", 4 },
        { "trivy-integration__gomod-vex.json", 4 },
        { "trivy-integration__gomod.json", 5 },
        { "trivy-integration__gradle.json", 2 },
        { "trivy-integration__helm.json", 18 },
        { "trivy-integration__helm_badname.json", 0 },
        { "trivy-integration__helm_testchart.json", 6 },
        { "trivy-integration__helm_testchart.overridden.json", 8 },
        { "trivy-integration__julia-spdx.json", null },
        { "trivy-integration__license-cyclonedx.json", 0 },
        { "trivy-integration__mariner-1.0.json", 2 },
        { "trivy-integration__minikube-kbom.json", 1 },
        { "trivy-integration__mix.lock.json", 1 },
        { "trivy-integration__npm-cyclonedx.json", null },
        { "trivy-integration__npm-ubuntu-severity.json", 1 },
        { "trivy-integration__npm-with-dev.json", 1 },
        { "trivy-integration__npm.gitlab.json", null },
        { "trivy-integration__npm.json", 1 },
        { "trivy-integration__nuget.json", 1 },
        { "trivy-integration__opensuse-leap-151.json", 2 },
        { "trivy-integration__opensuse-tumbleweed.json", 1 },
        { "trivy-integration__oraclelinux-8.json", 2 },
        { "trivy-integration__packagesprops.json", 1 },
        { "trivy-integration__photon-30.json", 3 },
        { "trivy-integration__pip.json", 2 },
        { "trivy-integration__pipenv.json", 2 },
        { "trivy-integration__pnpm.json", 2 },
        { "trivy-integration__poetry.json", 1 },
        { "trivy-integration__pom-cyclonedx.json", null },
        { "trivy-integration__pom.json", 2 },
        { "trivy-integration__pubspec.lock.json", 1 },
        { "trivy-integration__pylock.json", 2 },
        { "trivy-integration__rockylinux-8.json", 1 },
        { "trivy-integration__sbt.json", 2 },
        { "trivy-integration__secrets.asff.json", null },
        { "trivy-integration__secrets.json", 2 },
        { "trivy-integration__sl-micro-rancher5.4.json", 0 },
        { "trivy-integration__spring4shell-jre11.json", 1 },
        { "trivy-integration__spring4shell-jre8.json", 1 },
        { "trivy-integration__swift.json", 1 },
        { "trivy-integration__terraform-exclude-misconfs-remote-module.json", 0 },
        { "trivy-integration__terraform-opentofu-registry.json", 3 },
        { "trivy-integration__terraform-remote-module-in-child.json", 3 },
        { "trivy-integration__terraform-remote-module.json", 3 },
        { "trivy-integration__terraform-remote-submodule.json", 2 },
        { "trivy-integration__terraform-terraform-registry.json", 3 },
        { "trivy-integration__test-repo.json", 2 },
        { "trivy-integration__ubi-7-comprehensive.json", 2 },
        { "trivy-integration__ubi-7.json", 1 },
        { "trivy-integration__ubuntu-1804-ignore-unfixed.json", 4 },
        { "trivy-integration__ubuntu-1804.json", 5 },
        { "trivy-integration__ubuntu-gp2-x86-vm.json", 1 },
        { "trivy-integration__uv.json", 2 },
        { "trivy-integration__yarn.json", 1 },
    };

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public async Task Parse_SharedSample_FindsTheCountedFindings(string file, int? expected)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "trivy", file);

        Assert.Equal(expected is not null, Parser.ClaimsFile(path));
        if (expected is { } count)
        {
            var result = await Parser.ParseFileAsync(path);
            Assert.True(result.Report is not null, string.Join("; ", result.Diagnostics));
            Assert.Equal(count, result.Report.Findings.Count);
        }
    }

    [Fact]
    public async Task Parse_NpmReport_MapsPackageIdsSeverityCvssAndFix()
    {
        var result = await Parser.ParseTestDataAsync("Trivy", "npm.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("Trivy", "testdata/fixtures/repo/npm"), (report.Tool, report.Target));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((AssetKind.Package, "pkg:npm/jquery@3.3.9"), (finding.Asset.Kind, finding.Asset.Key));
        Assert.Equal(["CVE-2019-11358"], finding.VulnerabilityIds);
        Assert.Equal(("medium", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), (finding.Severity, finding.CvssVector));
        Assert.Equal(["3.4.0"], finding.FixedVersions);
        Assert.Equal(["CWE-79"], finding.Cwes);
        Assert.Equal("/Results/0/Vulnerabilities/0", finding.ReportPointer);
        Assert.StartsWith("sha256:", finding.ToolFingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_MisconfigurationsAndSecrets_AreFileFindingsWithLines()
    {
        var result = await Parser.ParseTestDataAsync("Trivy", "misconfigurations_and_secrets.json");

        var findings = Assert.IsType<ScannerReport>(result.Report).Findings;
        Assert.Equal(
            [
                "Package|pkg:pypi/urllib3@1.26.3|CVE-2021-33503|requirements.txt:",
                "Package|pkg:pypi/urllib3@1.26.3|CVE-2021-28363|requirements.txt:",
                "File|file:Dockerfile|DS002|Dockerfile:",
                "File|file:Dockerfile|secret:github-pat|Dockerfile:line 24",
                "File|file:secret.txt|secret:github-pat|secret.txt:line 1",
            ],
            findings.Select(f => $"{f.Asset.Kind}|{f.Asset.Key}|{f.RuleId}|{f.Location?.Path}:{f.Location?.Pointer}").Take(5));
    }

    [Theory]
    [InlineData("{\"SchemaVersion\": 2, \"Results\": [", "1:34")]
    [InlineData("{\"SchemaVersion\": 2,, }", "1:21")]
    public async Task Parse_InvalidJson_FailsWithPlace(string text, string location)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("/r/trivy.json", location), (diagnostic.Path, diagnostic.Location));
        Assert.StartsWith("invalid JSON", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_OtherJson_FailsNamingWhatWasExpected()
    {
        var result = await Parser.ParseTextAsync(TextPath, "{\"bomFormat\": \"CycloneDX\"}");

        Assert.Null(result.Report);
        Assert.StartsWith("not a Trivy JSON report", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_VulnerabilityWithoutPackage_IsSkippedWithWarning()
    {
        var result = await Parser.ParseTextAsync(TextPath, """{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "t", "Vulnerabilities": [{"VulnerabilityID": "CVE-1"}, {"VulnerabilityID": "CVE-2", "PkgName": "a", "InstalledVersion": "1"}]}]}""");

        Assert.Equal(["CVE-2"], Assert.IsType<ScannerReport>(result.Report).Findings.Select(f => f.VulnerabilityIds[0]));
        Assert.Equal("/Results/0/Vulnerabilities/0", Assert.Single(result.Diagnostics).Location);
    }
}

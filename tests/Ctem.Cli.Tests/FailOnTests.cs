using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class FailOnTests
{
    private const string Advisory = """
        {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2021-44228"],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
         "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
        """;

    public static TheoryData<string, int, string> Conditions => new()
    {
        { "kev", ExitCodes.PolicyFailure, "1 finding(s) meet 'kev' (CVE-2021-44228 in pkg:npm/left-pad@1.0.0 [medium 49.0, SSVC Track])" },
        { "cvss>=5", ExitCodes.PolicyFailure, "meet 'cvss>=5'" },
        { "cvss>=6", ExitCodes.Ok, "" },
        { "severity>=medium", ExitCodes.PolicyFailure, "meet 'severity>=medium'" },
        { "severity>=high", ExitCodes.Ok, "" },
        { "epss>=0.5", ExitCodes.Ok, "" },
        { "epss>=0.5,kev", ExitCodes.PolicyFailure, "meet 'kev'" },
        { "priority>=medium", ExitCodes.PolicyFailure, "1 finding(s) meet 'priority>=medium'" },
        { "priority>=high", ExitCodes.Ok, "" },
        { "risk>=49", ExitCodes.PolicyFailure, "meet 'risk>=49'" },
        { "risk>=49.1", ExitCodes.Ok, "" },
        { "ssvc=track", ExitCodes.PolicyFailure, "meet 'ssvc=track'" },
        { "ssvc=act", ExitCodes.Ok, "" },
        { "ssvc>=track*", ExitCodes.Ok, "" },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task Scan_FailOn_ExitsOneWithSummaryWhenBreached(string condition, int exit, string summary)
    {
        using var fixture = await PreparedAsync();
        var sbom = fixture.File("app.cdx.json", """{"bomFormat": "CycloneDX", "components": [{"name": "left-pad", "purl": "pkg:npm/left-pad@1.0.0"}]}""");

        var scan = await fixture.RunAsync("scan", sbom, "--fail-on", condition);
        var findings = await fixture.RunAsync("findings", "--fail-on", condition);

        Assert.Equal((exit, exit), (scan.ExitCode, findings.ExitCode));
        Assert.Contains(summary, scan.Stderr, StringComparison.Ordinal);
        Assert.Contains("left-pad", scan.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("priority>=urgent")]
    [InlineData("priority>=2")]
    [InlineData("risk>=NaN")]
    [InlineData("epss>=Infinity")]
    [InlineData("ssvc=acted")]
    [InlineData("cvss>7")]
    [InlineData("cvss>=10.5")]
    [InlineData("epss>=1.01")]
    [InlineData("severity>=1")]
    public async Task Scan_FailOnUnknownCondition_IsUsageErrorBeforeAnyWork(string condition)
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--fail-on", condition);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"'{condition}' is not a --fail-on condition", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    private static async Task<CliFixture> PreparedAsync()
    {
        var fixture = new CliFixture();
        var kev = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Parsers", "CisaKev", "testdata", "kev-subset.json");
        var import = await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory), kev);
        Assert.Equal(0, import.ExitCode);
        return fixture;
    }
}

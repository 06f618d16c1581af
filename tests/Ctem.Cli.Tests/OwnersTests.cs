using System.Text.Json;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 13: owners from the scope file — component patterns, then CODEOWNERS on the file a finding was found in, then the
/// product's team — on every finding in JSON, filtered by <c>--owner</c>, and explained.
/// </summary>
public sealed class OwnersTests
{
    [Fact]
    public async Task Scan_DemoWithOwnerRules_EveryFindingOwnedByTheRuleThatNamesIt()
    {
        using var fixture = new CliFixture();
        var sbomDirectory = Path.GetDirectoryName(CliFixture.DemoSbom)!;
        fixture.File("CODEOWNERS", $"# who owns what\n*.json @acme/sbom\n");
        var scope = fixture.File("ctem.yaml", """
            products:
              - name: harp
                owner: {team: platform}
                owners:
                  - {match: "pkg:golang/golang.org/x/*", team: go-core}
                codeowners: CODEOWNERS
            """);
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var scanned = await fixture.RunAsync("scan", sbomDirectory, "--product", "harp", "--scope", scope, "--format", "json");
        var goCore = await fixture.RunAsync("findings", "--owner", "go-core", "--format", "json");
        var nobody = await fixture.RunAsync("findings", "--owner", "nobody");

        Assert.Equal(0, scanned.ExitCode);
        var findings = JsonDocument.Parse(scanned.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var expected = findings.Select(f => f.GetProperty("component").GetProperty("purl").GetString()!.StartsWith("pkg:golang/golang.org/x/", StringComparison.Ordinal) ? "go-core" : "@acme/sbom").ToList();
        Assert.Equal(expected, findings.Select(f => f.GetProperty("owner").GetString()));
        Assert.Contains("go-core", expected);
        Assert.Equal(expected.Count(o => o == "go-core"), JsonDocument.Parse(goCore.Stdout).RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("0 finding(s).", nobody.Stdout, StringComparison.Ordinal);

        var id = findings.First(f => f.GetProperty("owner").GetString() == "@acme/sbom").GetProperty("id").GetInt64();
        var explained = await fixture.RunAsync("findings", "--explain", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Owner: @acme/sbom (CODEOWNERS:2 *.json)", explained.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_CodeOwnersMissing_IsAScopeErrorAndNothingIsScanned()
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", "products:\n  - name: harp\n    codeowners: .github/CODEOWNERS\n");

        var result = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp", "--scope", scope);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("products[0].codeowners: cannot read the CODEOWNERS file .github/CODEOWNERS", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was scanned", result.Stderr, StringComparison.Ordinal);
    }
}

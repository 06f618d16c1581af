using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class SbomCommandTests
{
    [Theory]
    [InlineData("cyclonedx-json", "sbom-demo.cdx.json")]
    [InlineData("spdx-json", "sbom-demo.spdx.json")]
    [InlineData("cyclonedx-xml", "sbom-demo.cdx.xml")]
    public async Task Sbom_DemoSbom_WritesGoldenDocument(string format, string golden)
    {
        var result = await CliRun.RunAsync("sbom", CliFixture.DemoSbom, "--format", format);
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(result.Stdout, golden);
    }

    [Fact]
    public async Task Sbom_OutputFile_WritesFileAndNothingOnStdout()
    {
        using var fixture = new CliFixture();
        var output = Path.Combine(fixture.Directory, "out.spdx.json");

        var result = await CliRun.RunAsync("sbom", CliFixture.DemoSbom, "--format", "spdx-json", "--output", output, "--product", "harp");

        Assert.Equal((0, ""), (result.ExitCode, result.Stdout));
        Assert.Contains("\"name\": \"harp\"", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public async Task Sbom_UnknownFormat_IsUsageError()
    {
        var result = await CliRun.RunAsync("sbom", CliFixture.DemoSbom, "--format", "swid");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    /// <summary>Regression: an --output in a missing directory, or a directory, was an internal error.</summary>
    [Theory]
    [InlineData("missing/sbom.json")]
    [InlineData("")]
    public async Task Sbom_OutputCannotBeWritten_IsUsageErrorNamingIt(string relative)
    {
        using var fixture = new CliFixture();
        var output = Path.Combine(fixture.Directory, relative);

        var result = await CliRun.RunAsync("sbom", CliFixture.DemoSbom, "--format", "cyclonedx-json", "--output", output);

        Assert.Equal((ExitCodes.Usage, ""), (result.ExitCode, result.Stdout));
        Assert.StartsWith($"ctem: cannot write {output}: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sbom_NoComponents_ExitsThreeAndWritesNothing()
    {
        using var fixture = new CliFixture();
        var empty = fixture.File("empty.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"components\": []}");
        var result = await CliRun.RunAsync("sbom", empty, "--format", "cyclonedx-json");
        Assert.Equal((ExitCodes.BadInput, ""), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public async Task Scan_FormatInNamesUnknownParser_IsUsageErrorNamingKnownOnes()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format-in", "swid/xml");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--format-in 'swid/xml' is not a known input format (known: cyclonedx/json, cyclonedx/xml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_FormatInForcesParser_ReadsFileWithOddName()
    {
        using var fixture = new CliFixture();
        var odd = Path.Combine(fixture.Directory, "inventory.txt");
        File.Copy(CliFixture.DemoSbom, odd);
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var result = await fixture.RunAsync("scan", odd, "--format-in", "cyclonedx/json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("91 finding(s)", result.Stdout, StringComparison.Ordinal);
    }
}

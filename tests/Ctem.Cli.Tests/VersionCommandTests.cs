using Xunit;

namespace Ctem.Cli.Tests;

public sealed class VersionCommandTests
{
    public static TheoryData<string, string, string, string> Pairs => new()
    {
        { "npm", "1.0.0-rc.1", "1.0.0", "<" },
        { "Go", "v1.2.3+incompatible", "v1.2.3", "=" },
        { "crates.io", "0.10.0", "0.9.9", ">" },
        { "PyPI", "1.0a1", "1.0", "<" },
        { "PyPI", "1!0.1", "2.0", ">" },
        { "Maven", "1.0-SNAPSHOT", "1.0", "<" },
        { "NuGet", "1.0.0-BETA", "1.0.0-beta", "=" },
        { "RubyGems", "1.0.0.pre", "1.0.0", "<" },
        { "Packagist", "1.0.0-RC1", "1.0.0", "<" },
        { "Debian", "1.0~rc1-1", "1.0-1", "<" },
        { "Debian:12", "1:0.9", "2.0", ">" },
        { "Alpine", "1.2.3_rc1-r0", "1.2.3-r0", "<" },
        { "Alpine:v3.20", "1.2.3-r10", "1.2.3-r9", ">" },
        { "Red Hat", "1.0-1.el8", "1.0-2.el8", "<" },
        { "CRAN", "1.0-1", "1.0.1", "=" },
        { "Hackage", "1.0", "1.0.0", "<" },
        { "Pub", "1.0.0+1", "1.0.0", ">" },
        { "Hex", "1.0.0", "1.0.1", "<" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Compare_TwoVersions_PrintsOrder(string ecosystem, string left, string right, string expected)
    {
        var result = await CliRun.RunAsync("version", "compare", "--ecosystem", ecosystem, left, right);
        Assert.Equal((0, expected + Environment.NewLine, ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public async Task Compare_Stdin_OneResultPerLineAndExitThreeOnBadLine()
    {
        var result = await CliRun.RunWithStdinAsync("1.0.0 2.0.0\n2.0.0 2.0.0\nnot-a-version 1.0.0\n3.0.0 2.0.0\nlonely\n", "version", "compare", "--ecosystem", "npm");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(["<", "=", "?", ">", "?"], result.Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("stdin:3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("stdin:5:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnknownEcosystem_IsUsageErrorNamingKnownOnes()
    {
        var result = await CliRun.RunAsync("version", "compare", "--ecosystem", "Cobol", "1", "2");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--ecosystem 'Cobol' is not a known ecosystem with a version scheme (known: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("PyPI", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pypi", "1.0a1", "1.0", "<")]
    [InlineData("DEBIAN:12", "1:0.9", "2.0", ">")]
    [InlineData("red hat", "1.0-1.el8", "1.0-2.el8", "<")]
    public async Task Compare_EcosystemInAnyCase_UsesItsScheme(string ecosystem, string left, string right, string expected)
    {
        var result = await CliRun.RunAsync("version", "compare", "--ecosystem", ecosystem, left, right);
        Assert.Equal((0, expected + Environment.NewLine, ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Theory]
    [InlineData("npm", "2.0.x")]
    [InlineData("Go", "1.0.1116.6")]
    [InlineData("Bitnami", "nightly.2026-03-10.0")]
    [InlineData("NuGet", "2.14.01rc5")]
    public async Task Compare_SameTextNotAVersion_PrintsEqual(string ecosystem, string text)
    {
        var result = await CliRun.RunAsync("version", "compare", "--ecosystem", ecosystem, text, text);
        Assert.Equal((0, "=" + Environment.NewLine, ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public async Task Compare_UnparsableVersion_PrintsQuestionMarkExitThree()
    {
        var result = await CliRun.RunAsync("version", "compare", "--ecosystem", "npm", "latest", "1.0.0");
        Assert.Equal((ExitCodes.BadInput, "?" + Environment.NewLine), (result.ExitCode, result.Stdout));
        Assert.Contains("latest", result.Stderr, StringComparison.Ordinal);
    }
}

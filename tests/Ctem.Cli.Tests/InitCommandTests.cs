using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_NoFile_WritesStarterThatLoadsCleanly()
    {
        using var fixture = new CliFixture();
        var output = Path.Combine(fixture.Directory, "ctem.yaml");

        var result = await CliRun.RunAsync("init", "--output", output);

        Assert.Equal((ExitCodes.Ok, ""), (result.ExitCode, result.Stdout));
        Assert.Contains($"wrote {output}", result.Stderr, StringComparison.Ordinal);
        var text = File.ReadAllText(output);
        Assert.Equal(StarterScope.Text, text);
        Assert.Empty(ScopeFile.Load(output, text).Diagnostics);
    }

    [Fact]
    public async Task Init_ExistingFile_RefusesWithExitTwoAndKeepsIt()
    {
        using var fixture = new CliFixture();
        var existing = fixture.File("ctem.yaml", "products: []\n");

        var result = await CliRun.RunAsync("init", "--output", existing);

        Assert.Equal((ExitCodes.Usage, ""), (result.ExitCode, result.Stdout));
        Assert.Equal($"ctem: {existing} already exists; not overwritten (use --force to replace it){Environment.NewLine}", result.Stderr);
        Assert.Equal("products: []\n", File.ReadAllText(existing));
    }

    [Fact]
    public async Task Init_ExistingFileWithForce_OverwritesIt()
    {
        using var fixture = new CliFixture();
        var existing = fixture.File("scope.yaml", "products: []\n");

        var result = await CliRun.RunAsync("init", "--output", existing, "--force");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(StarterScope.Text, File.ReadAllText(existing));
    }

    [Fact]
    public async Task Init_MissingDirectory_IsUsageErrorNamingThePath()
    {
        using var fixture = new CliFixture();
        var output = Path.Combine(fixture.Directory, "no-such-directory", "ctem.yaml");

        var result = await CliRun.RunAsync("init", "--output", output);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith($"ctem: cannot write {output}: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Init_Help_DescribesOutputAndForce()
    {
        var result = await CliRun.RunAsync("init", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("--output", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--force", result.Stdout, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>`ctem demo` keeps its database until the next demo, and the command it prints to explain a finding works.</summary>
public sealed class DemoTests
{
    private const string ExplainPrefix = "  ctem findings --explain ID --db ";

    // The demo ended with "'ctem findings --explain ID' says why", but its database was already deleted.
    [Fact]
    public async Task Demo_PrintedExplainCommand_ExplainsADemoFindingInAShell()
    {
        using var fixture = new CliFixture();
        var demo = await fixture.RunDemoAsync();
        var database = Path.Combine(fixture.DataHome, "ctem", "demo.db");
        Assert.Equal(0, demo.ExitCode);
        var command = Assert.Single(demo.Stdout.Split('\n'), line => line.StartsWith(ExplainPrefix, StringComparison.Ordinal));
        Assert.EndsWith($"\nThe demo database stays at {database}\nuntil the next 'ctem demo'. Why a finding has its priority:\n{command}\n", demo.Stdout, StringComparison.Ordinal);

        var findings = await CliRun.RunAsync("findings", "--format", "json", "--db", database);
        using var document = JsonDocument.Parse(findings.Stdout);
        var id = document.RootElement.GetProperty("findings")[0].GetProperty("id").GetRawText();
        var explained = await RunInShellAsync(command.Trim().Replace("--explain ID", $"--explain {id}", StringComparison.Ordinal));

        Assert.True(explained.ExitCode == 0, $"{command}: exit {explained.ExitCode}: {explained.Stderr}");
        Assert.StartsWith($"Finding {id}: ", explained.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_RunTwice_StartsAfreshAndLeavesOnlyItsDatabase()
    {
        using var fixture = new CliFixture();
        await fixture.RunDemoAsync();

        var again = await fixture.RunDemoAsync();

        Assert.Equal(0, again.ExitCode);
        Assert.Contains(": 91 new, 0 reopened, 0 resolved", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(["demo.db"], Directory.GetFiles(Path.Combine(fixture.DataHome, "ctem")).Select(Path.GetFileName));
    }

    /// <summary>Runs a printed <c>ctem …</c> command line in sh, with <c>ctem</c> being the built CLI.</summary>
    private static async Task<CliResult> RunInShellAsync(string commandLine)
    {
        Assert.StartsWith("ctem ", commandLine, StringComparison.Ordinal);
        var ctem = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "ctem.dll")}'";
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", ctem + commandLine["ctem".Length..]])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

using System.Diagnostics;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>A real `ctem` process killed (SIGKILL) in the middle of an import leaves the database as it was.</summary>
public sealed class KillTests
{
    [SkippableFact]
    public async Task DbImport_KilledMidway_LeavesDatabaseAsItWas()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        var seeded = await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        Assert.Equal(0, seeded.ExitCode);

        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ctem.dll"),
            "db", "import", RepoPaths.SharedData("osv", "Bitnami.zip"), RepoPaths.SharedData("osv", "Go.zip"),
            RepoPaths.SharedData("osv", "PyPI.zip"), RepoPaths.SharedData("osv", "crates.io.zip"), "--db", fixture.Database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

        // The full import takes well over a second here; killing after a fraction of it lands mid-transaction.
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(700)));
        Skip.If(process.HasExited, $"the import ended (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed");
        process.Kill();
        await process.WaitForExitAsync();

        // All or nothing: the seeded knowledge alone, or (if the kill landed between commit and exit) all of the
        // import; never a part of it.
        var status = await fixture.RunAsync("db", "status", "--format", "json");
        Assert.Equal(0, status.ExitCode);
        string[] untouched = ["\"GO\"", "\"advisories\": 154"];
        string[] complete = ["\"BIT\"", "\"advisories\": 7444", "\"advisories\": 4291", "\"advisories\": 2661", "\"advisories\": 1206"];
        var isUntouched = untouched.All(s => status.Stdout.Contains(s, StringComparison.Ordinal)) && !status.Stdout.Contains("\"BIT\"", StringComparison.Ordinal);
        var isComplete = complete.All(s => status.Stdout.Contains(s, StringComparison.Ordinal));
        Assert.True(isUntouched ^ isComplete, status.Stdout);
    }
}

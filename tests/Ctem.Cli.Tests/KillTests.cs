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
            "db", "import", RepoPaths.SharedData("osv", "Bitnami.zip"), RepoPaths.SharedData("osv", "Go.zip"), "--db", fixture.Database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

        // Kill once the import has surely begun writing: the database grows past its seeded size.
        var seededSize = new FileInfo(fixture.Database).Length;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60) && WalSize(fixture.Database) == 0)
        {
            await Task.Delay(10);
        }

        Skip.If(process.HasExited, "the import finished before it could be killed (machine too fast for this test)");
        process.Kill();
        await process.WaitForExitAsync();

        var status = await fixture.RunAsync("db", "status", "--format", "json");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("\"source\": \"GO\"", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"advisories\": 154", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"BIT\"", status.Stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(fixture.Database).Length >= seededSize);
    }

    private static long WalSize(string database) => File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;
}

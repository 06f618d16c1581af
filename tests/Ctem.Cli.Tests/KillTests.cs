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
        Assert.True(seeded.ExitCode == 0, $"seeding exited {seeded.ExitCode}: {seeded.Stderr}");

        var writeAheadLog = fixture.Database + "-wal";
        var seededLength = LengthOf(writeAheadLog);
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ctem.dll"),
            "db", "import", RepoPaths.SharedData("osv", "Bitnami.zip"), RepoPaths.SharedData("osv", "Go.zip"),
            RepoPaths.SharedData("osv", "PyPI.zip"), RepoPaths.SharedData("osv", "crates.io.zip"), "--db", fixture.Database])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

        await UntilWritingOrExitedAsync(process, writeAheadLog, seededLength);
        Skip.If(process.HasExited, $"the import ended (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed");
        process.Kill();
        await process.WaitForExitAsync();

        // All or nothing: the seeded knowledge alone, or (if the kill landed between commit and exit) all of the
        // import; never a part of it.
        var status = await fixture.RunAsync("db", "status", "--format", "json");
        Assert.True(status.ExitCode == 0, $"db status exited {status.ExitCode}: {status.Stderr}");
        string[] untouched = ["\"GO\"", "\"advisories\": 154"];
        string[] complete = ["\"BIT\"", "\"advisories\": 7444", "\"advisories\": 4291", "\"advisories\": 2661", "\"advisories\": 1206"];
        var isUntouched = untouched.All(s => status.Stdout.Contains(s, StringComparison.Ordinal)) && !status.Stdout.Contains("\"BIT\"", StringComparison.Ordinal);
        var isComplete = complete.All(s => status.Stdout.Contains(s, StringComparison.Ordinal));
        Assert.True(isUntouched ^ isComplete, status.Stdout);
    }

    // A fixed delay raced the import on fast machines; the write-ahead log growing past what the seeding left shows the
    // import's transaction is under way (SQLite spills uncommitted pages there once its cache is full).
    private static async Task UntilWritingOrExitedAsync(Process process, string writeAheadLog, long seededLength)
    {
        const long UncommittedBytes = 1 << 20;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (LengthOf(writeAheadLog) > seededLength + UncommittedBytes)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }

    private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}

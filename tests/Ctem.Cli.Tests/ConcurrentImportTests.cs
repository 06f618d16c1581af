using System.Diagnostics;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>Two `ctem db import` processes at once on one database: both succeed, and the imports take turns.</summary>
public sealed class ConcurrentImportTests
{
    private static readonly string[] Inputs = [RepoPaths.SharedData("osv", "Go.zip"), RepoPaths.SharedData("kev", "known_exploited_vulnerabilities.json")];

    // On PostgreSQL the later import failed with an internal error (exit 70): a duplicate key (23505) on advisories or
    // on kev_entries.
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task DbImport_TwoProcessesAtOnce_BothSucceedAndOneImportsWhatTheOtherFindsUnchanged(string database)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await using var postgres = database == "postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        var spec = postgres?.ConnectionString ?? fixture.Database;

        string[] import = ["db", "import", .. Inputs, "--db", spec];

        var imports = await Task.WhenAll(RunCtemAsync(import), RunCtemAsync(import));

        Assert.All(imports, run => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}"));
        Assert.Equal(
            [
                "Read 4291 record(s): 0 imported, 0 updated, 4291 unchanged, 0 older than stored (skipped), 0 withdrawn (stored, never matched), 0 rejected.\n"
                + "KEV 2025.08.25 (2025-08-25 17:04): 1404 record(s), unchanged.\n",
                "Read 4291 record(s): 4291 imported, 0 updated, 0 unchanged, 0 older than stored (skipped), 17 withdrawn (stored, never matched), 0 rejected.\n"
                + "KEV 2025.08.25 (2025-08-25 17:04): 1404 record(s), inserted.\n",
            ],
            imports.Select(i => i.Stdout).Order(StringComparer.Ordinal));
        var status = await CliRun.RunAsync("db", "status", "--format", "json", "--db", spec);
        Assert.Contains("\"ecosystem\": \"Go\",\n      \"advisories\": 4291", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"records\": 1404", status.Stdout, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunCtemAsync(string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ctem.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

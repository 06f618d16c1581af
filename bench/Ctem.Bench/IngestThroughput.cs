using System.Text;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Plugins;
using Ctem.Storage;
using Npgsql;

namespace Ctem.Bench;

/// <summary>
/// <c>ctem ingest</c> of a generated Trivy report with 100,000 findings (20,000 npm packages × 5 vulnerabilities): into
/// an empty product, again (every finding deduplicated against the store), and with a tenth of the findings replaced.
/// </summary>
internal static class IngestThroughput
{
    public const int DefaultFindings = 100_000;
    public const int PerPackage = 5;

    // Issue 18: 100,000 findings under 5 s on SQLite, at least 20,000 a second on PostgreSQL: the same rate.
    private const double GoalPerSecond = 20_000;

    public static async Task RunAsync(ICtemStore store, bool postgres, InputReader reader, string directory, int findings)
    {
        var packages = Math.Max(1, findings / PerPackage);
        var first = Path.Combine(directory, "trivy.json");
        var changed = Path.Combine(directory, "trivy-changed.json");
        await File.WriteAllTextAsync(first, Report(packages, shift: 0));
        await File.WriteAllTextAsync(changed, Report(packages, shift: packages / 10));
        var ingester = new ReportIngester(store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, reader, TimeProvider.System);
        var request = new IngestRequest([first], "bench-ingest", null);
        var goal = postgres ? $"≥ {GoalPerSecond:N0}/s" : $"< {DefaultFindings / GoalPerSecond:F0} s per {DefaultFindings:N0}";

        Console.WriteLine($"ctem ingest of a generated Trivy report, {packages * PerPackage:N0} findings ({new FileInfo(first).Length / 1_048_576.0:F1} MiB), on {(postgres ? "PostgreSQL" : "SQLite")}:");
        Console.WriteLine("| run | new | still open | resolved | time | processor time | findings/s | goal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        await RowAsync("into an empty product", ingester, request, goal);
        await RowAsync("same report again (all deduplicated)", ingester, request, goal);
        await RowAsync("10% replaced", ingester, request with { Paths = [changed] }, goal);
    }

    /// <summary>The ingest rows on PostgreSQL, in a database of their own created on <paramref name="server"/> and dropped at the end.</summary>
    public static async Task RunOnPostgresAsync(string server, int findings)
    {
        var database = $"ctem_bench_ingest_{Environment.ProcessId}";
        await PostgresAdmin.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var work = Directory.CreateTempSubdirectory("ctem-bench-ingest-");
        try
        {
            var spec = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            await using var store = await CtemStoreFactory.OpenAsync(spec, TimeProvider.System, CancellationToken.None);
            await RunAsync(store, postgres: true, new InputReader(InputLimits.Default), work.FullName, findings);
        }
        finally
        {
            work.Delete(recursive: true);
            NpgsqlConnection.ClearAllPools();
            await PostgresAdmin.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task RowAsync(string name, ReportIngester ingester, IngestRequest request, string goal)
    {
        // Processor time beside wall time: on a shared machine only the first is comparable between runs.
        var processorBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var timed = await Measure.TimeAsync(() => ingester.IngestAsync(request, CancellationToken.None));
        var processor = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        var run = timed.Result.Runs.Single().Outcome;
        var findings = timed.Result.Runs.Single().Findings.Count;
        var rate = findings / timed.Elapsed.TotalSeconds;
        var verdict = rate >= GoalPerSecond ? "met" : "not met";
        Console.WriteLine($"| {name} | {run.New:N0} | {run.StillOpen:N0} | {run.Resolved:N0} | {timed.Elapsed.TotalSeconds:F2} s | {processor.TotalSeconds:F2} s | {rate:N0} | {goal}: {verdict} |");
    }

    /// <summary>A Trivy report of <paramref name="packages"/> npm packages × 5 vulnerabilities, the packages numbered from <paramref name="shift"/>.</summary>
    public static string Report(int packages, int shift)
    {
        var text = new StringBuilder(packages * PerPackage * 400);
        text.Append("""{"SchemaVersion": 2, "ArtifactName": "bench-ingest", "Results": [{"Target": "package-lock.json", "Class": "lang-pkgs", "Type": "npm", "Vulnerabilities": [""");
        for (var p = 0; p < packages; p++)
        {
            var package = p + shift;
            for (var v = 0; v < PerPackage; v++)
            {
                if (p > 0 || v > 0)
                {
                    text.Append(',');
                }

                var id = FormattableString.Invariant($"CVE-2099-{package * PerPackage + v + 10000}");
                var version = FormattableString.Invariant($"1.0.{v}");
                var name = FormattableString.Invariant($"bench-{package}");
                text.Append("{\"VulnerabilityID\": \"").Append(id).Append("\", \"PkgName\": \"").Append(name)
                    .Append("\", \"PkgIdentifier\": {\"PURL\": \"pkg:npm/").Append(name).Append('@').Append(version)
                    .Append("\"}, \"InstalledVersion\": \"").Append(version)
                    .Append("\", \"FixedVersion\": \"2.0.0\", \"Severity\": \"HIGH\", \"Title\": \"generated ").Append(id)
                    .Append("\", \"CVSS\": {\"nvd\": {\"V3Vector\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}}}");
            }
        }

        return text.Append("]}]}").ToString();
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Ctem.Bench;

/// <summary>
/// Whole-process latency of the commands a CI job or pre-commit hook runs most: the published <c>ctem</c> (ReadyToRun,
/// as bench/run.sh publishes it) started afresh each time, against the knowledge base the benchmark imported.
/// </summary>
internal static class StartupLatency
{
    private const int Runs = 11;
    private static readonly TimeSpan Goal = TimeSpan.FromMilliseconds(150);

    public static async Task RunAsync(string ctem, string database, string demoSbom, string work)
    {
        var small = Path.Combine(work, "five-components.cdx.json");
        await File.WriteAllTextAsync(small, FirstComponents(demoSbom, 5));

        Console.WriteLine($"Whole process, {Runs} runs each after one warm-up ({ctem}):");
        Console.WriteLine("| command | median | fastest | goal |");
        Console.WriteLine("|---|---:|---:|---|");
        await RowAsync(ctem, "ctem --version", ["--version"]);
        await RowAsync(ctem, "ctem db status", ["db", "status", "--db", database]);
        await RowAsync(ctem, "ctem scan (5 components)", ["scan", small, "--db", database, "--format", "json"]);
    }

    private static async Task RowAsync(string ctem, string label, string[] arguments)
    {
        await RunOnceAsync(ctem, arguments);
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            times.Add(await RunOnceAsync(ctem, arguments));
        }

        times.Sort();
        var median = times[times.Count / 2];
        var verdict = median < Goal ? "met" : "not met";
        Console.WriteLine($"| {label} | {median.TotalMilliseconds:F0} ms | {times[0].TotalMilliseconds:F0} ms | < {Goal.TotalMilliseconds:F0} ms: {verdict} |");
    }

    private static async Task<TimeSpan> RunOnceAsync(string ctem, string[] arguments)
    {
        var start = new ProcessStartInfo(ctem) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {ctem}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = watch.Elapsed;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{ctem} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        _ = await output;
        return elapsed;
    }

    // The demo SBOM cut to its first components: a small service's SBOM, real package names and versions.
    private static string FirstComponents(string sbom, int count)
    {
        var document = JsonNode.Parse(File.ReadAllText(sbom))!.AsObject();
        var components = document["components"]!.AsArray();
        while (components.Count > count)
        {
            components.RemoveAt(components.Count - 1);
        }

        document.Remove("dependencies");
        return document.ToJsonString();
    }
}

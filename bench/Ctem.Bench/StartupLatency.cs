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
        await WholeProcess.RowAsync(ctem, "ctem --version", ["--version"], Runs, Goal);
        await WholeProcess.RowAsync(ctem, "ctem db status", ["db", "status", "--db", database], Runs, Goal);
        await WholeProcess.RowAsync(ctem, "ctem scan (5 components)", ["scan", small, "--db", database, "--format", "json"], Runs, Goal);
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

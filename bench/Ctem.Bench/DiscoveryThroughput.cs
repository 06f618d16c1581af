using System.Diagnostics;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Plugins;

namespace Ctem.Bench;

/// <summary>Discovery alone: every SBOM of the bom-shelter corpus read from its zip, parsed, and counted.</summary>
internal static class DiscoveryThroughput
{
    public static async Task RunAsync(string shared, InputReader reader)
    {
        var collector = new InventoryCollector(BuiltInPlugins.InventoryParsers, reader);
        var zips = new[] { "bom-shelter-in-the-wild.zip", "bom-shelter-in-the-lab-sample.zip" }
            .Select(z => Path.Combine(shared, "data", "sbom", z))
            .Where(File.Exists)
            .ToList();

        // Once to warm up, once measured.
        await collector.CollectAsync(zips, null, null, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var collected = await collector.CollectAsync(zips, null, null, CancellationToken.None);
        watch.Stop();
        var bytes = zips.Sum(z => new FileInfo(z).Length);
        Console.WriteLine($"discovery over the bom-shelter corpus: {collected.Inputs.Count} SBOMs read, {collected.Components.Count} components, "
            + $"{collected.Diagnostics.Count(d => d.IsError)} error diagnostics, {watch.Elapsed.TotalSeconds:F2} s "
            + $"= {collected.Components.Count / watch.Elapsed.TotalSeconds:N0} components/s ({bytes / 1e6 / watch.Elapsed.TotalSeconds:F1} MB/s of zipped input)");
    }
}

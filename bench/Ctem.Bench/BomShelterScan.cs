using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Plugins;

namespace Ctem.Bench;

/// <summary>
/// One SBOM of every distinct package of the shared bom-shelter SBOMs (in the wild and the lab sample), scanned and
/// stored by the published <c>ctem</c> as a whole process, against the knowledge base the benchmark imported.
/// </summary>
internal static class BomShelterScan
{
    private const int Runs = 5;
    private static readonly TimeSpan Goal = TimeSpan.FromMilliseconds(300);

    public static async Task RunAsync(string ctem, string database, string shared, InputReader reader, string work)
    {
        var sbom = Path.Combine(work, "bom-shelter-distinct.cdx.json");
        var packages = await WriteMergedSbomAsync(shared, reader, sbom);
        Console.WriteLine($"Whole process, one SBOM of the {packages:N0} distinct packages of all bom-shelter SBOMs, {Runs} runs after one warm-up:");
        Console.WriteLine("| command | median | fastest | goal |");
        Console.WriteLine("|---|---:|---:|---|");
        await WholeProcess.RowAsync(ctem, $"ctem scan ({packages:N0} packages)", ["scan", sbom, "--db", database, "--format", "json"], Runs, Goal);
    }

    /// <summary>The components of every bom-shelter SBOM, one per purl (without qualifiers), written as CycloneDX JSON.</summary>
    public static async Task<int> WriteMergedSbomAsync(string shared, InputReader reader, string output)
    {
        string[] zips = ["bom-shelter-in-the-wild.zip", "bom-shelter-in-the-lab-sample.zip"];
        var collector = new InventoryCollector(BuiltInPlugins.InventoryParsers, reader);
        var collected = await collector.CollectAsync([.. zips.Select(z => Path.Combine(shared, "data", "sbom", z))], null, null, CancellationToken.None);
        var distinct = collected.Components
            .Where(c => c.Purl is not null)
            .DistinctBy(c => c.Coordinates, StringComparer.Ordinal)
            .OrderBy(c => c.Coordinates, StringComparer.Ordinal)
            .ToList();
        var writer = BuiltInPlugins.SbomWriters.Single(w => w.Format == "cyclonedx-json");
        await using var stream = File.Create(output);
        writer.Write(new Inventory(new ProductRef("bom-shelter-distinct", null), distinct), new SbomMetadata("ctem-bench", "1", DateTimeOffset.UnixEpoch), stream);
        return distinct.Count;
    }
}

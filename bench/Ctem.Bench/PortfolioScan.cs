using System.Diagnostics;
using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Storage;
using Npgsql;

namespace Ctem.Bench;

/// <summary>
/// A portfolio on PostgreSQL (issue 18): 10,000 CycloneDX SBOMs × 1,000 components (10 M component instances) drawn
/// from the real packages of the shared PyPI, Go and crates.io exports, each at a version one of its advisories names
/// as fixed (so a product is affected by some advisories, not all), each SBOM scanned against those exports and
/// stored as <c>ctem scan</c> does, scans of different products in parallel. Prints the wall time and the process's
/// peak memory beside the goals. Sizes: CTEM_BENCH_PRODUCTS, CTEM_BENCH_COMPONENTS. Works in a database of its own,
/// created on the server <c>CTEM_BENCH_DB</c> names and dropped at the end.
/// </summary>
internal static class PortfolioScan
{
    private const int FullProducts = 10_000;
    private const int FullComponents = 1_000;
    private static readonly TimeSpan Goal = TimeSpan.FromMinutes(10);
    private const long MemoryGoal = 4L * 1024 * 1024 * 1024;

    public static async Task<int> RunAsync(string shared, string? server)
    {
        if (server is null || !server.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("bench: the portfolio benchmark runs on PostgreSQL: set CTEM_BENCH_DB to a connection string (Host=…;Username=…;Password=…)");
            return 2;
        }

        var products = Size("CTEM_BENCH_PRODUCTS", FullProducts);
        var perProduct = Size("CTEM_BENCH_COMPONENTS", FullComponents);
        var database = $"ctem_bench_portfolio_{Environment.ProcessId}";
        await PostgresAdmin.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var spec = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var work = Directory.CreateTempSubdirectory("ctem-bench-portfolio-");
        var memory = new MemoryWatch();
        try
        {
            await using var store = await CtemStoreFactory.OpenAsync(spec, TimeProvider.System, CancellationToken.None);
            var reader = new InputReader(InputLimits.Default);
            var osv = Path.Combine(shared, "data", "osv");
            var importer = new KnowledgeImporter(store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, reader);
            var imported = await Measure.TimeAsync(() => importer.ImportAsync([.. new[] { "PyPI.zip", "Go.zip", "crates.io.zip" }.Select(z => Path.Combine(osv, z))], null, CancellationToken.None));
            var pool = ReanalysisLookup.RealPackageNames(osv, atFixedVersion: true).DistinctBy(n => n.Component.PackageKey).Select(n => n.Component).ToArray();
            var sboms = products * (long)perProduct;
            Console.WriteLine($"portfolio: PostgreSQL database {database}; knowledge (PyPI, Go, crates.io) imported in {imported.Elapsed.TotalSeconds:F0} s (setup, not timed)");
            Console.WriteLine($"{products:N0} SBOMs × {perProduct:N0} components from {pool.Length:N0} real packages at versions their advisories name as fixed, {Parallelism} scans at a time");

            var scanner = new ScanRunner(store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, reader, TimeProvider.System);
            long findings = 0;
            var done = 0;
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, products), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (p, cancellationToken) =>
            {
                var sbom = Path.Combine(work.FullName, $"portfolio-{p:D5}.cdx.json");
                await File.WriteAllBytesAsync(sbom, Sbom($"portfolio-{p:D5}", Choose(pool, perProduct, seed: p)), cancellationToken);
                var report = await scanner.ScanAsync(new ScanRequest([sbom], null), null, cancellationToken);
                File.Delete(sbom);
                if (report.Status == OperationStatus.Failed)
                {
                    throw new InvalidOperationException($"scan of {sbom} failed: {string.Join("; ", report.Diagnostics.Select(d => d.Message))}");
                }

                Interlocked.Add(ref findings, report.Findings.Count);
                if (Interlocked.Increment(ref done) % 500 == 0)
                {
                    Console.Error.WriteLine($"  scanned {done:N0} SBOMs ({watch.Elapsed.TotalSeconds:F0} s)");
                }
            });
            var elapsed = watch.Elapsed;
            var peak = MemoryWatch.PeakWorkingSet;

            Console.WriteLine("| portfolio on PostgreSQL | figure | goal |");
            Console.WriteLine("|---|---:|---|");
            // The goals are stated for the full portfolio: a smaller run is extrapolated at its rate, never judged met.
            var full = products == FullProducts && perProduct == FullComponents;
            var rate = sboms / elapsed.TotalSeconds;
            var timeGoal = full
                ? Verdict(elapsed < Goal)
                : $"not judged at this size (at this rate {FullProducts * (long)FullComponents:N0} would take {FullProducts * (double)FullComponents / rate / 60:N0} min)";
            Console.WriteLine($"| {products:N0} SBOMs × {perProduct:N0} components ({sboms:N0} component instances, {findings:N0} findings), scanned and stored | {elapsed.TotalSeconds:F0} s ({rate:N0} components/s) | < {Goal.TotalMinutes:F0} min: {timeGoal} |");
            Console.WriteLine($"| peak working set of the process | {peak / 1048576.0:N0} MiB | < {MemoryGoal / 1073741824} GiB: {(full ? Verdict(peak < MemoryGoal) : "not judged at this size")} |");
            Console.WriteLine($"memory at the end: {memory}");
            return 0;
        }
        finally
        {
            memory.Dispose();
            work.Delete(recursive: true);
            NpgsqlConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("CTEM_BENCH_KEEP_DB") == "1")
            {
                Console.WriteLine($"kept the database {database} (CTEM_BENCH_KEEP_DB=1)");
            }
            else
            {
                await PostgresAdmin.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    // Matching and assessing use the process's cores while the database stores the scans before them.
    private static int Parallelism => Environment.ProcessorCount * 2;

    private static string Verdict(bool met) => met ? "met" : "not met";

    private static int Size(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : fallback;

    // Each product its own random draw, the same on every run.
    private static List<Component> Choose(Component[] pool, int count, int seed)
    {
        var random = new Random(seed);
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, pool.Length))
        {
            chosen.Add(random.Next(pool.Length));
        }

        return [.. chosen.Order().Select(i => pool[i])];
    }

    private static byte[] Sbom(string product, IReadOnlyList<Component> components)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", "1.5");
            json.WriteNumber("version", 1);
            json.WriteStartObject("metadata");
            json.WriteStartObject("component");
            json.WriteString("type", "application");
            json.WriteString("name", product);
            json.WriteString("version", "1.0.0");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("components");
            foreach (var component in components)
            {
                json.WriteStartObject();
                json.WriteString("type", "library");
                json.WriteString("bom-ref", component.Purl!.ToString());
                json.WriteString("name", component.Name);
                json.WriteString("version", component.Version);
                json.WriteString("purl", component.Purl!.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

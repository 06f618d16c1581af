using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;

namespace Ctem.Bench;

/// <summary>
/// Re-analysis after an advisory import (issue 10): 10,000 products × 1,000 components (10 M stored component rows,
/// real package names from the shared OSV exports), then one new advisory whose package 1 % of the products hold.
/// Reports the time to find the affected inventories through the package index, and the time to store their findings.
/// Sizes: CTEM_BENCH_PRODUCTS, CTEM_BENCH_COMPONENTS.
/// </summary>
internal static class ReanalysisLookup
{
    public static async Task RunAsync(ICtemStore store, InputReader reader, string osv, string directory)
    {
        var products = Size("CTEM_BENCH_PRODUCTS", 10_000);
        var perProduct = Size("CTEM_BENCH_COMPONENTS", 1_000);
        var names = RealPackageNames(osv);
        var target = names[0];
        var pool = names.Skip(1).ToArray();
        Console.WriteLine($"re-analysis: {products:N0} products × {perProduct:N0} components from {pool.Length:N0} real package names (PyPI, Go, crates.io); target {target.Purl} in 1 % of the products");

        var random = new Random(20261203);
        var stored = Stopwatch.StartNew();
        var at = DateTimeOffset.UnixEpoch;
        // Setup only: a hundred inventories per transaction, so the 10 M rows are stored in minutes, not fsyncs.
        var batch = new List<ScanRecord>();
        for (var p = 0; p < products; p++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < perProduct - 1)
            {
                chosen.Add(random.Next(pool.Length));
            }

            var components = chosen.Select(i => pool[i]).Prepend(p % 100 == 0 ? target : pool[(p * 7919) % pool.Length])
                .DistinctBy(c => c.Purl).Select(c => c.Component).ToList();
            batch.Add(new ScanRecord(new ProductRef($"product-{p:D5}", null), "build", at, at, [], components, []));
            if (batch.Count == 100 || p == products - 1)
            {
                await store.RecordScansAsync(batch, CancellationToken.None);
                batch.Clear();
            }

            if ((p + 1) % 1000 == 0)
            {
                Console.Error.WriteLine($"  stored {p + 1:N0} inventories ({stored.Elapsed.TotalSeconds:F0} s)");
            }
        }

        Console.WriteLine($"stored {products:N0} inventories ({products * (long)perProduct:N0} component rows) in {stored.Elapsed.TotalSeconds:F0} s");

        var advisory = Path.Combine(directory, "BENCH-0001.json");
        await File.WriteAllTextAsync(advisory, Advisory(target));
        var importer = new KnowledgeImporter(store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, reader);
        var import = await importer.ImportAsync([advisory], null, CancellationToken.None);

        var lookups = new List<double>();
        IReadOnlyList<SourceInventory> found = [];
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            found = await store.FindInventoriesWithAsync(import.ChangedPackages, CancellationToken.None);
            lookups.Add(watch.Elapsed.TotalMilliseconds);
        }

        lookups.Sort();
        var reanalyzer = new Reanalyzer(store, BuiltInPlugins.VersionSchemes, TimeProvider.System);
        var timed = await Measure.TimeAsync(() => reanalyzer.RunAsync(import.ChangedPackages, CancellationToken.None));
        Console.WriteLine("| step | result | time |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| find the affected inventories (package index; median of 7, first {lookups[0]:F1}–max {lookups[^1]:F1} ms) | {found.Count:N0} inventories | {lookups[3]:F1} ms |");
        Console.WriteLine($"| re-match and store their findings (lookup included) | {timed.Result.New:N0} new findings in {timed.Result.Products:N0} products | {timed.Elapsed.TotalMilliseconds:F0} ms |");
    }

    private static int Size(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : fallback;

    /// <summary>
    /// Distinct affected packages named by the shared OSV exports, as components at version 1.0.0, or with
    /// <paramref name="atFixedVersion"/> at the last version an advisory of theirs names as fixed (1.0.0 where none does).
    /// </summary>
    internal static List<(string Purl, Component Component)> RealPackageNames(string osv, bool atFixedVersion = false)
    {
        var found = new SortedDictionary<string, Component>(StringComparer.Ordinal);
        foreach (var (zip, type) in new[] { ("PyPI.zip", "pypi"), ("Go.zip", "golang"), ("crates.io.zip", "cargo") })
        {
            using var archive = ZipFile.OpenRead(Path.Combine(osv, zip));
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var document = JsonDocument.Parse(stream);
                if (!document.RootElement.TryGetProperty("affected", out var affected))
                {
                    continue;
                }

                foreach (var package in affected.EnumerateArray())
                {
                    if (package.TryGetProperty("package", out var p) && p.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } text
                        && !text.Contains(' ', StringComparison.Ordinal) && !text.Contains('@', StringComparison.Ordinal))
                    {
                        var version = atFixedVersion ? LastFixed(package) ?? "1.0.0" : "1.0.0";
                        var purl = $"pkg:{type}/{(type == "pypi" ? text.ToLowerInvariant() : text)}@{version}";
                        if (PackageUrl.Parse(purl).Value is { } parsed)
                        {
                            found.TryAdd(purl, new Component(text, version, parsed, null, new SourceLocation("bench.cdx.json", null)));
                        }
                    }
                }
            }
        }

        return found.Select(f => (f.Key, f.Value)).ToList();
    }

    private static string? LastFixed(JsonElement package)
    {
        string? found = null;
        if (package.TryGetProperty("ranges", out var ranges) && ranges.ValueKind == JsonValueKind.Array)
        {
            foreach (var range in ranges.EnumerateArray())
            {
                if (range.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in events.EnumerateArray())
                    {
                        if (e.TryGetProperty("fixed", out var fixedIn) && fixedIn.GetString() is { Length: > 0 } version
                            && !version.Contains(' ', StringComparison.Ordinal) && !version.Contains('@', StringComparison.Ordinal))
                        {
                            found = version;
                        }
                    }
                }
            }
        }

        return found;
    }

    private static string Advisory((string Purl, Component Component) target)
    {
        var key = target.Component.PackageKey!.Value;
        return $$"""
            {"schema_version": "1.6.0", "id": "BENCH-0001", "modified": "2026-12-03T00:00:00Z", "published": "2026-12-03T00:00:00Z",
             "aliases": ["CVE-2099-99999"], "summary": "benchmark advisory",
             "affected": [{"package": {"ecosystem": "{{key.Ecosystem}}", "name": "{{target.Component.Name}}"},
               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
            """;
    }
}

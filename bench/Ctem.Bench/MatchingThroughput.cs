using System.Diagnostics;
using System.IO.Compression;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Engine.Discovery.Matching;
using Ctem.Plugins.Parsers.Osv;

namespace Ctem.Bench;

/// <summary>
/// Matching throughput against the whole knowledge base: one component per (package, version named by any of its
/// advisories' events), so every check meets real ranges; timed for the index lookup and for range evaluation.
/// </summary>
internal static class MatchingThroughput
{
    private const int Goal = 200_000;

    private static readonly Dictionary<string, string> PurlTypes = new(StringComparer.Ordinal)
    {
        ["Go"] = "golang",
        ["PyPI"] = "pypi",
        ["crates.io"] = "cargo",
        ["npm"] = "npm",
        ["Bitnami"] = "bitnami",
    };

    public static async Task RunAsync(ICtemStore store, VersionSchemeRegistry schemes, string osv)
    {
        var (boundaries, patched) = SyntheticComponents(osv);
        Console.WriteLine("matching, adversarial: one component per version that any event names (most are affected by something):");
        await MeasureAsync(store, schemes, boundaries);
        Console.WriteLine("matching, patched inventory: one component per package at its highest fixed version (few findings, like a maintained product):");
        await MeasureAsync(store, schemes, patched);
    }

    private static async Task MeasureAsync(ICtemStore store, VersionSchemeRegistry schemes, List<Component> components)
    {
        var keys = components.Select(c => c.PackageKey).OfType<PackageKey>().Distinct().ToList();

        using var process = Process.GetCurrentProcess();
        var firstLookupCpu = process.TotalProcessorTime;
        var firstLookup = Stopwatch.StartNew();
        var candidates = await store.FindAdvisoriesAsync(keys, CancellationToken.None);
        firstLookup.Stop();
        process.Refresh();
        firstLookupCpu = process.TotalProcessorTime - firstLookupCpu;

        // The first lookup in a process also compiles its code and reads the pages from disk: the steady state is the
        // best of the next three, as for evaluation.
        var lookup = TimeSpan.MaxValue;
        var lookupCpu = TimeSpan.MaxValue;
        var lookupAllocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < 3; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await store.FindAdvisoriesAsync(keys, CancellationToken.None);
            lookup = TimeSpan.FromTicks(Math.Min(lookup.Ticks, watch.Elapsed.Ticks));
            process.Refresh();
            lookupCpu = TimeSpan.FromTicks(Math.Min(lookupCpu.Ticks, (process.TotalProcessorTime - cpu).Ticks));
        }

        lookupAllocated = (GC.GetTotalAllocatedBytes(precise: true) - lookupAllocated) / 3;

        // Warm up once so the figure is steady-state evaluation, then measure the best of three. What one match
        // allocates is counted too: unlike time, it does not depend on what else the machine is doing.
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        AdvisoryMatcher.Match(components, candidates, schemes);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        MatchResult? result = null;
        for (var i = 0; i < 3; i++)
        {
            // Processor time as well as wall time: on a loaded machine it is the steadier of the two.
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = AdvisoryMatcher.Match(components, candidates, schemes);
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, watch.Elapsed.Ticks));
            process.Refresh();
            bestCpu = TimeSpan.FromTicks(Math.Min(bestCpu.Ticks, (process.TotalProcessorTime - cpu).Ticks));
        }

        var verdictWatch = Stopwatch.StartNew();
        var affectedCount = 0;
        var compiledCache = new Dictionary<AdvisoryCandidate, CompiledAffected>(ReferenceEqualityComparer.Instance);
        foreach (var component in components)
        {
            if (component.PackageKey is not { } key || !candidates.TryGetValue(key, out var list))
            {
                continue;
            }

            var scheme = schemes.For(key.Ecosystem);
            var version = ComponentVersion.Parse(component.MatchVersion!, scheme);
            foreach (var candidate in list)
            {
                if (!compiledCache.TryGetValue(candidate, out var entry))
                {
                    compiledCache[candidate] = entry = CompiledAffected.Compile(candidate.Affected, scheme);
                }

                affectedCount += entry.Check(version).Verdict == AffectedVerdict.Affected ? 1 : 0;
            }
        }

        Console.WriteLine($"  verdicts alone (compile + check, no findings built): {verdictWatch.Elapsed.TotalMilliseconds:F0} ms, {affectedCount} affected");
        var checks = components.Sum(c => c.PackageKey is { } key && candidates.TryGetValue(key, out var list) ? list.Count : 0);
        Console.WriteLine($"  {components.Count} component versions over {keys.Count} packages, {checks} range checks, {result!.Findings.Count} findings");
        Console.WriteLine($"  index lookup of {keys.Count} packages: {lookup.TotalMilliseconds:F0} ms (processor time {lookupCpu.TotalMilliseconds:F0} ms, {lookupAllocated / 1_048_576.0:F0} MiB allocated); the first in the process {firstLookup.Elapsed.TotalMilliseconds:F0} ms (processor time {firstLookupCpu.TotalMilliseconds:F0} ms)");
        Console.WriteLine($"  range evaluation: {best.TotalMilliseconds:F0} ms = {components.Count / best.TotalSeconds:N0} component versions/s ({checks / best.TotalSeconds:N0} checks/s)");
        Console.WriteLine($"  range evaluation, processor time (all threads, GC included): {bestCpu.TotalMilliseconds:F0} ms; {allocated / 1_048_576.0:F0} MiB allocated");
        var rate = components.Count / (best + lookup).TotalSeconds;
        var cpuRate = components.Count / (bestCpu + lookupCpu).TotalSeconds;
        Console.WriteLine($"  lookup + evaluation: {rate:N0} component versions/s, by processor time {cpuRate:N0}/s (goal ≥ {Goal:N0}: {(rate >= Goal ? "met" : "not met")})");
    }

    private static (List<Component> Boundaries, List<Component> Patched) SyntheticComponents(string osv)
    {
        var parser = new OsvJsonParser();
        var seen = new HashSet<(string, string, string)>();
        var components = new List<Component>();
        var highestFixed = new Dictionary<(string Type, string Name), Component>();
        foreach (var zip in Directory.GetFiles(osv, "*.zip"))
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                if (parser.Parse(entry.FullName, buffer.ToArray()).Advisory is not { } advisory)
                {
                    continue;
                }

                foreach (var affected in advisory.Affected)
                {
                    if (!PurlTypes.TryGetValue(Ecosystems.BaseOf(affected.Ecosystem), out var type))
                    {
                        continue;
                    }

                    var scheme = Ctem.Plugins.BuiltInPlugins.VersionSchemes.For(affected.Ecosystem);
                    foreach (var fixedVersion in affected.FixedVersions)
                    {
                        if (scheme is not null && scheme.TryParse(fixedVersion, out var parsed, out _)
                            && (!highestFixed.TryGetValue((type, affected.Name), out var current)
                                || !scheme.TryParse(current.MatchVersion!, out var best, out _) || parsed.CompareTo(best) > 0))
                        {
                            highestFixed[(type, affected.Name)] = Make(type, affected.Name, fixedVersion);
                        }
                    }

                    foreach (var version in affected.Ranges.SelectMany(r => r.Events).Select(e => e.Version).Where(v => v != "0").Concat(affected.Versions))
                    {
                        if (seen.Add((type, affected.Name, version)))
                        {
                            components.Add(Make(type, affected.Name, version));
                        }
                    }
                }
            }
        }

        return (components, highestFixed.Values.ToList());
    }

    private static Component Make(string type, string name, string version)
    {
        var slash = type == "golang" ? name.LastIndexOf('/') : -1;
        var purl = new PackageUrl(type, slash > 0 ? name[..slash] : null, slash > 0 ? name[(slash + 1)..] : name, version, new Dictionary<string, string>(), null);
        return new Component(name, version, purl, null, new SourceLocation("bench", null));
    }
}

using System.IO.Compression;
using System.Text.Json;
using Ctem.Bench;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Storage;

// Prints the figures quoted in issue notes: import vs plain parse time per OSV export, scan time, and matching
// throughput against the whole knowledge base. Usage: run.sh [SHARED_DIR] (default ../shared).
// --findings N: how many findings the load benchmark (CTEM_BENCH_ONLY=load) stores, 1 M by default, and the ingest
// benchmark's report holds, 100,000 by default.
// --ports LIST: the ports the discover benchmark (CTEM_BENCH_ONLY=discover) scans; 1-1000 by default.
var portsAt = Array.IndexOf(args, "--ports");
var discoverPorts = portsAt >= 0 && portsAt + 1 < args.Length ? args[portsAt + 1] : "1-1000";
args = portsAt >= 0 ? [.. args.Take(portsAt), .. args.Skip(portsAt + 2)] : args;
var findingsAt = Array.IndexOf(args, "--findings");
int? findings = findingsAt >= 0 && findingsAt + 1 < args.Length && int.TryParse(args[findingsAt + 1], out var count) && count > 0 ? count : null;
args = findingsAt >= 0 ? [.. args.Take(findingsAt), .. args.Skip(findingsAt + 2)] : args;
var shared = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared"));
var osv = Path.Combine(shared, "data", "osv");
if (!Directory.Exists(osv))
{
    Console.Error.WriteLine($"bench: {osv} not found; pass the shared directory as the first argument");
    return 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "load")
{
    return await FindingsLoad.RunAsync(shared, Environment.GetEnvironmentVariable("CTEM_BENCH_DB"), findings ?? 1_000_000);
}

if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "ingest" && Environment.GetEnvironmentVariable("CTEM_BENCH_DB") is { } ingestServer)
{
    await IngestThroughput.RunOnPostgresAsync(ingestServer, findings ?? IngestThroughput.DefaultFindings);
    return 0;
}

if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "portfolio")
{
    return await PortfolioScan.RunAsync(shared, Environment.GetEnvironmentVariable("CTEM_BENCH_DB"));
}

var work = Directory.CreateTempSubdirectory("ctem-bench-");
try
{
    var database = Path.Combine(work.FullName, "bench.db");
    await using var store = await CtemStoreFactory.OpenAsync(Environment.GetEnvironmentVariable("CTEM_BENCH_DB") ?? database, TimeProvider.System, CancellationToken.None);
    var reader = new InputReader(InputLimits.Default);
    var importer = new KnowledgeImporter(store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, reader);

    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "discover")
    {
        return await DiscoverVersusNmap.RunAsync(store, reader, discoverPorts);
    }

    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "ingest")
    {
        await IngestThroughput.RunAsync(store, postgres: false, reader, work.FullName, findings ?? IngestThroughput.DefaultFindings);
        return 0;
    }

    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "dashboard")
    {
        await DashboardFindingsPage.RunAsync(store, reader, Environment.GetEnvironmentVariable("CTEM_BENCH_DB") ?? database, work.FullName);
        return 0;
    }

    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "reanalysis")
    {
        await ReanalysisLookup.RunAsync(store, reader, osv, work.FullName);
        return 0;
    }

    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "startup")
    {
        await importer.ImportAsync([.. Directory.GetFiles(osv, "*.zip"), .. FeedFiles(shared)], null, CancellationToken.None);
        await StartupLatency.RunAsync(Environment.GetEnvironmentVariable("CTEM_BENCH_CTEM") ?? "ctem", database, SampleSboms().First(), work.FullName);
        Console.WriteLine();
        await BomShelterScan.RunAsync(Environment.GetEnvironmentVariable("CTEM_BENCH_CTEM") ?? "ctem", database, shared, reader, work.FullName);
        return 0;
    }

    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "matching")
    {
        await importer.ImportAsync(Directory.GetFiles(osv, "*.zip"), null, CancellationToken.None);
        await MatchingThroughput.RunAsync(store, BuiltInPlugins.VersionSchemes, osv);
        return 0;
    }

    // Warm up both paths (JIT, SQLite) on a separate database, so the first row is not charged for it.
    await using (var warmStore = await CtemStoreFactory.OpenAsync(Path.Combine(work.FullName, "warm-up.db"), TimeProvider.System, CancellationToken.None))
    {
        var smallest = Directory.GetFiles(osv, "*.zip").OrderBy(f => new FileInfo(f).Length).First();
        ParseOnly(smallest);
        OsvParseOnly(smallest);
        await new KnowledgeImporter(warmStore, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, reader).ImportAsync([smallest], null, CancellationToken.None);
    }

    Console.WriteLine();
    await ImportTableAsync(importer, osv);
    if (Environment.GetEnvironmentVariable("CTEM_BENCH_ONLY") == "knowledge")
    {
        Console.WriteLine();
        await MatchingThroughput.RunAsync(store, BuiltInPlugins.VersionSchemes, osv);
        Console.WriteLine();
        await BomShelterRowAsync(importer, database, shared, reader, work.FullName);
        return 0;
    }

    var again = await Measure.TimeAsync(() => importer.ImportAsync([Path.Combine(osv, "Go.zip")], null, CancellationToken.None));
    Console.WriteLine($"re-import of Go.zip (nothing changed): {again.Elapsed.TotalSeconds:F2} s, {again.Result.Unchanged} unchanged");

    var cve = Path.Combine(shared, "data", "cve");
    foreach (var zip in Directory.GetFiles(cve, "*.zip").Order(StringComparer.Ordinal).Append(Path.Combine(cve, "samples", "osv-dev-vulnfeeds-testdata.zip")))
    {
        var cveImport = await Measure.TimeAsync(() => importer.ImportAsync([zip], null, CancellationToken.None));
        var records = cveImport.Result.CveRecords;
        Console.WriteLine($"CVE records {Path.GetFileName(zip)}: {records.Read} read ({records.Imported} imported) in {cveImport.Elapsed.TotalSeconds:F2} s = {records.Read / cveImport.Elapsed.TotalSeconds:N0} records/s");
    }

    Console.WriteLine();
    var scanner = new ScanRunner(store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, reader, TimeProvider.System);
    foreach (var sbom in SampleSboms())
    {
        // The first scan of a process also pays for JIT and one-time loads (the SSVC decision table); the second is the steady state.
        var first = await Measure.TimeAsync(() => scanner.ScanAsync(new ScanRequest([sbom], null), null, CancellationToken.None));
        var scan = await Measure.TimeAsync(() => scanner.ScanAsync(new ScanRequest([sbom], null), null, CancellationToken.None));
        Console.WriteLine($"ctem scan {Path.GetFileName(sbom)}: {scan.Result.Components} components, {scan.Result.Findings.Count} findings, {scan.Elapsed.TotalMilliseconds:F0} ms (read, match, assess, store; first scan of the process {first.Elapsed.TotalMilliseconds:F0} ms)");
    }

    var published = Environment.GetEnvironmentVariable("CTEM_BENCH_CTEM");
    Console.WriteLine();
    if (published is not null && Environment.GetEnvironmentVariable("CTEM_BENCH_DB") is null)
    {
        await importer.ImportAsync(FeedFiles(shared), null, CancellationToken.None);
        await StartupLatency.RunAsync(published, database, SampleSboms().First(), work.FullName);
        Console.WriteLine();
        await BomShelterScan.RunAsync(published, database, shared, reader, work.FullName);
    }
    else
    {
        Console.WriteLine("whole-process latency: skipped (bench/run.sh sets CTEM_BENCH_CTEM to a published ctem; SQLite only)");
    }

    Console.WriteLine();
    await DiscoveryThroughput.RunAsync(shared, reader);

    Console.WriteLine();
    await MatchingThroughput.RunAsync(store, BuiltInPlugins.VersionSchemes, osv);

    Console.WriteLine();
    await IngestThroughput.RunAsync(store, Environment.GetEnvironmentVariable("CTEM_BENCH_DB") is not null, reader, work.FullName, findings ?? IngestThroughput.DefaultFindings);
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

// Import of every OSV export against a plain System.Text.Json parse of the same files; the goal is at most 2×.
static async Task ImportTableAsync(KnowledgeImporter importer, string osv)
{
    Console.WriteLine("| OSV export | records | parse only (System.Text.Json) | OSV parser only | ctem db import | import / parse | processor time: parse, import (ratio) | goal |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
    var all = new ImportFigures(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
    foreach (var zip in Directory.GetFiles(osv, "*.zip").Order(StringComparer.Ordinal))
    {
        var parseCpu = Measure.ProcessorTime();
        var parse = Measure.Time(() => ParseOnly(zip));
        parseCpu = Measure.ProcessorTime() - parseCpu;
        var osvParse = Measure.Time(() => OsvParseOnly(zip));
        var importCpu = Measure.ProcessorTime();
        var import = await Measure.TimeAsync(() => importer.ImportAsync([zip], null, CancellationToken.None));
        importCpu = Measure.ProcessorTime() - importCpu;
        var figures = new ImportFigures(parse.Result, parse.Elapsed, osvParse.Elapsed, import.Elapsed, parseCpu, importCpu);
        Console.WriteLine(ImportRow(Path.GetFileName(zip), figures));
        all = all.Plus(figures);
    }

    Console.WriteLine(ImportRow("all", all));
}

static string ImportRow(string label, ImportFigures f)
{
    var ratio = f.Import / f.Parse;
    return $"| {label} | {f.Records} | {f.Parse.TotalSeconds:F2} s | {f.OsvParse.TotalSeconds:F2} s | {f.Import.TotalSeconds:F2} s | {ratio:F1}× "
        + $"| {f.ParseCpu.TotalSeconds:F2} s, {f.ImportCpu.TotalSeconds:F2} s ({f.ImportCpu / f.ParseCpu:F1}×) | ≤ 2×: {(ratio <= 2 ? "met" : "not met")} |";
}

// The whole-process scan of every distinct bom-shelter package, against the full shared knowledge base (KEV and EPSS
// too); it needs the published ctem (bench/run.sh) and a SQLite knowledge base it can open.
static async Task BomShelterRowAsync(KnowledgeImporter importer, string database, string shared, InputReader reader, string work)
{
    var published = Environment.GetEnvironmentVariable("CTEM_BENCH_CTEM");
    if (published is null || Environment.GetEnvironmentVariable("CTEM_BENCH_DB") is not null)
    {
        Console.WriteLine("bom-shelter scan, whole process: skipped (bench/run.sh sets CTEM_BENCH_CTEM to a published ctem; SQLite only)");
        return;
    }

    await importer.ImportAsync(FeedFiles(shared), null, CancellationToken.None);
    await BomShelterScan.RunAsync(published, database, shared, reader, work);
}

static int ParseOnly(string zip)
{
    using var archive = ZipFile.OpenRead(zip);
    var count = 0;
    foreach (var entry in archive.Entries)
    {
        using var stream = entry.Open();
        using var document = JsonDocument.Parse(stream);
        count += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
    }

    return count;
}

static int OsvParseOnly(string zip)
{
    var parser = new Ctem.Plugins.Parsers.Osv.OsvJsonParser();
    using var archive = ZipFile.OpenRead(zip);
    var count = 0;
    foreach (var entry in archive.Entries)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        count += parser.Parse(entry.FullName, buffer.ToArray()).Advisory is null ? 0 : 1;
    }

    return count;
}

// KEV and EPSS, so that the whole-process rows run against the full shared knowledge base.
static string[] FeedFiles(string shared) =>
    [Path.Combine(shared, "data", "kev", "known_exploited_vulnerabilities.json"), .. Directory.GetFiles(Path.Combine(shared, "data", "epss"))];

static IEnumerable<string> SampleSboms()
{
    var demo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/demo/sbom/harp-darwin-amd64.sbom.json"));
    if (File.Exists(demo))
    {
        yield return demo;
    }
}

internal sealed record ImportFigures(int Records, TimeSpan Parse, TimeSpan OsvParse, TimeSpan Import, TimeSpan ParseCpu, TimeSpan ImportCpu)
{
    public ImportFigures Plus(ImportFigures other) => new(
        Records + other.Records, Parse + other.Parse, OsvParse + other.OsvParse, Import + other.Import, ParseCpu + other.ParseCpu, ImportCpu + other.ImportCpu);
}

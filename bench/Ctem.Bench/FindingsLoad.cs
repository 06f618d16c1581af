using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Server;
using Ctem.Server.Hosting;
using Ctem.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;
using NpgsqlTypes;

namespace Ctem.Bench;

/// <summary>
/// Load (issue 14) on PostgreSQL, through a real server in this process on 127.0.0.1: 50 concurrent SBOM uploads,
/// then <c>GET /api/v1/findings</c> at p50/p95/p99 over N stored findings (1 M by default; <c>--findings N</c>),
/// generated from real package names and loaded with COPY, and the process's memory. Works in a database of its own,
/// created on the server <c>CTEM_BENCH_DB</c> names and dropped at the end.
/// </summary>
internal static class FindingsLoad
{
    private const int Uploads = 50;
    private const int Products = 50;
    private const string Team = "bench";
    private static readonly string[] Teams = ["platform", "payments", "web", "data", "mobile"];

    public static async Task<int> RunAsync(string shared, string? server, int findings)
    {
        if (server is null || !server.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("bench: the load benchmark runs on PostgreSQL: set CTEM_BENCH_DB to a connection string (Host=…;Username=…;Password=…)");
            return 2;
        }

        var database = $"ctem_bench_load_{Environment.ProcessId}";
        await PostgresAdmin.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var spec = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        var memory = new MemoryWatch();
        try
        {
            await using var store = await CtemStoreFactory.OpenAsync(spec, TimeProvider.System, CancellationToken.None);
            var reader = new InputReader(InputLimits.Default);
            var importer = new KnowledgeImporter(store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, reader);
            var samples = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/demo"));
            var kev = Path.Combine(shared, "data", "kev", "known_exploited_vulnerabilities.json");
            await importer.ImportAsync([Path.Combine(samples, "advisories"), kev], null, CancellationToken.None);
            var token = (await new ApiTokens(store.Tokens, RandomNumberGenerator.Fill, TimeProvider.System).IssueAsync(Team, ApiRole.Writer, null, CancellationToken.None)).Secret;

            await using var app = ServerHost.Build([], new ServerSettings(spec) { Urls = "http://127.0.0.1:0", RequestsPerMinute = 1_000_000 });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Console.WriteLine($"load: PostgreSQL database {database}; server on {address}; {findings:N0} findings over {Products} products");

            await UploadAsync(client, await File.ReadAllBytesAsync(Path.Combine(samples, "sbom", "harp-darwin-amd64.sbom.json")));
            Console.WriteLine($"memory after the uploads: {memory}");

            var loaded = Stopwatch.StartNew();
            await LoadFindingsAsync(spec, shared, kev, findings);
            Console.WriteLine($"stored {findings:N0} findings (COPY, then ANALYZE) in {loaded.Elapsed.TotalSeconds:F0} s");

            await QueryAsync(client);
            Console.WriteLine($"memory at the end: {memory}");
            await app.StopAsync();
            return 0;
        }
        finally
        {
            memory.Dispose();
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

    // Every upload at once, each to a product of its own (a new product is the uploading team's).
    private static async Task UploadAsync(HttpClient client, byte[] sbom)
    {
        var wall = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async i =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.PostAsync($"/api/v1/products/{Product(i % Products)}/scans", new ByteArrayContent(sbom));
                await response.Content.ReadAsByteArrayAsync();
                return (Ok: response.IsSuccessStatusCode, Status: ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), watch.Elapsed.TotalMilliseconds);
            }
            catch (HttpRequestException e)
            {
                return (Ok: false, Status: e.Message, watch.Elapsed.TotalMilliseconds);
            }
        }));
        var latencies = results.Select(r => r.TotalMilliseconds).Order().ToList();
        var errors = results.Where(r => !r.Ok).GroupBy(r => r.Status).Select(g => $"{g.Count()}× {g.Key}").ToList();
        Console.WriteLine();
        Console.WriteLine($"| {Uploads} concurrent SBOM uploads ({sbom.Length / 1024} KiB each) | errors | throughput | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| POST /api/v1/products/{{p}}/scans | {results.Count(r => !r.Ok)}{(errors.Count > 0 ? $" ({string.Join(", ", errors)})" : "")} | {Uploads / wall.Elapsed.TotalSeconds:F1} uploads/s | {Percentile(latencies, 50):F0} ms | {Percentile(latencies, 95):F0} ms | {Percentile(latencies, 99):F0} ms | {latencies[^1]:F0} ms |");
    }

    private static async Task QueryAsync(HttpClient client)
    {
        (string Name, string Url)[] queries =
        [
            ("open, by priority (default)", "/api/v1/findings?limit=100"),
            ("one product", $"/api/v1/findings?product={Product(7)}&limit=100"),
            ("critical and high", "/api/v1/findings?priority=critical,high&limit=100"),
            ("in KEV", "/api/v1/findings?kev=true&limit=50"),
            ("one owner, by id", $"/api/v1/findings?owner={Teams[3]}&sort=id&limit=100"),
            ("text 'django'", "/api/v1/findings?text=django&limit=100"),
            ("resolved, one product, high", $"/api/v1/findings?status=resolved&product={Product(11)}&priority=high&limit=100"),
        ];
        Console.WriteLine();
        Console.WriteLine("| GET /api/v1/findings (100 requests each, after 3 warm-up) | findings on the page | p50 | p95 | p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, url) in queries)
        {
            var (latencies, count) = await TimeAsync(client, Enumerable.Repeat(url, 103).ToList());
            Console.WriteLine($"| {name}: `{url[16..]}` | {count} | {Percentile(latencies, 50):F1} ms | {Percentile(latencies, 95):F1} ms | {Percentile(latencies, 99):F1} ms |");
        }

        // Deep pages: each request follows the previous page's cursor.
        var pages = new List<double>();
        string? next = "/api/v1/findings?limit=100";
        for (var i = 0; i < 100 && next is not null; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(next);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            pages.Add(watch.Elapsed.TotalMilliseconds);
            next = page.RootElement.GetProperty("next").GetString();
        }

        pages.Sort();
        Console.WriteLine($"| the first {pages.Count} pages in turn, each after the previous page's cursor | 100 | {Percentile(pages, 50):F1} ms | {Percentile(pages, 95):F1} ms | {Percentile(pages, 99):F1} ms |");
    }

    private static async Task<(List<double> Latencies, int Count)> TimeAsync(HttpClient client, IReadOnlyList<string> urls)
    {
        var latencies = new List<double>();
        var count = 0;
        for (var i = 0; i < urls.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(urls[i]);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{urls[i]}: {(int)response.StatusCode} {body}");
            }

            if (i >= 3)
            {
                latencies.Add(elapsed);
                count = JsonDocument.Parse(body).RootElement.GetProperty("findings").GetArrayLength();
            }
        }

        latencies.Sort();
        return (latencies, count);
    }

    /// <summary>
    /// The findings, spread over the uploaded products: real package names (PyPI, Go, crates.io), three
    /// vulnerabilities each (one in 33 a CVE of the KEV catalogue), the risk assessments the uploads made, five owners,
    /// one in twenty of each product's resolved. Written straight to the tables with binary COPY: this is setup, not what is measured.
    /// </summary>
    private static async Task LoadFindingsAsync(string spec, string shared, string kevPath, int findings)
    {
        var names = ReanalysisLookup.RealPackageNames(Path.Combine(shared, "data", "osv"));
        using var kevDocument = JsonDocument.Parse(await File.ReadAllBytesAsync(kevPath));
        var kevIds = kevDocument.RootElement.GetProperty("vulnerabilities").EnumerateArray().Select(v => v.GetProperty("cveID").GetString()!).ToArray();
        await using var connection = new NpgsqlConnection(spec);
        await connection.OpenAsync();
        var products = new List<(long Id, string Name, long RunId)>();
        await using (var command = new NpgsqlCommand("SELECT p.id, p.name, MAX(r.id) FROM products p JOIN runs r ON r.product_id = p.id GROUP BY p.id, p.name ORDER BY p.name", connection))
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                products.Add((rows.GetInt64(0), rows.GetString(1), rows.GetInt64(2)));
            }
        }

        // An assessment the uploads stored, its score spread from 5 to 100 and its priority set by the default thresholds.
        var template = JsonNode.Parse((string)(await new NpgsqlCommand("SELECT risk_json FROM findings WHERE risk_json IS NOT NULL LIMIT 1", connection).ExecuteScalarAsync())!)!;
        var risks = Enumerable.Range(0, 9501).Select(i =>
        {
            var score = 5 + i / 100.0;
            var priority = score >= 80 ? "critical" : score >= 60 ? "high" : score >= 30 ? "medium" : "low";
            template["score"] = score;
            template["priority"] = priority;
            return (Score: score, Priority: priority, Json: template.ToJsonString());
        }).ToList();

        var before = (long)(await new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM findings", connection).ExecuteScalarAsync())!;
        var now = DateTime.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY findings (product_id, product_name, finding_key, component_purl, ecosystem, package_name, version, vulnerability_id, aliases_json, advisory_ids_json, "
            + "summary, severity, fixed_versions_json, status, first_seen_at, last_seen_at, resolved_at, first_run_id, last_run_id, risk_score, priority, risk_json, owner, owner_source) FROM STDIN (FORMAT BINARY)"))
        {
            // Completing the COPY maintains every index over the million rows: minutes on a busy machine, not 30 s.
            copy.Timeout = TimeSpan.FromHours(1);
            for (var n = 0; n < findings; n++)
            {
                var product = products[n % products.Count];
                var j = n / products.Count;
                var (_, component) = names[(int)((product.Id * 7919 + j / 3) % names.Count)];
                var vulnerability = j % 3 == 0 && j / 3 % 11 == 0 ? kevIds[(n / 3) % kevIds.Length] : $"CVE-{2018 + n % 7}-{1_000_000 + n}";
                var risk = risks[(int)((uint)HashCode.Combine(n, 17) % (uint)risks.Count)];
                var resolved = j % 20 == 19;
                var seen = now.AddDays(-(n % 400));
                await copy.StartRowAsync();
                await copy.WriteAsync(product.Id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(product.Name, NpgsqlDbType.Text);
                await copy.WriteAsync(FindingKey.Of(component.Coordinates, vulnerability), NpgsqlDbType.Text);
                await copy.WriteAsync(component.Coordinates, NpgsqlDbType.Text);
                await copy.WriteAsync(component.PackageKey?.Ecosystem ?? "PyPI", NpgsqlDbType.Text);
                await copy.WriteAsync(component.Name, NpgsqlDbType.Text);
                await copy.WriteAsync("1.0.0", NpgsqlDbType.Text);
                await copy.WriteAsync(vulnerability, NpgsqlDbType.Text);
                await copy.WriteAsync($"[\"GHSA-bench-{n:x6}\"]", NpgsqlDbType.Text);
                await copy.WriteAsync($"[\"BENCH-{n}\"]", NpgsqlDbType.Text);
                await copy.WriteAsync($"{component.Name} before 2.0.0 allows a crafted request to read memory", NpgsqlDbType.Text);
                await copy.WriteAsync(risk.Priority.ToUpperInvariant(), NpgsqlDbType.Text);
                await copy.WriteAsync("[\"2.0.0\"]", NpgsqlDbType.Text);
                await copy.WriteAsync(resolved ? "resolved" : "open", NpgsqlDbType.Text);
                await copy.WriteAsync(seen, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                if (resolved)
                {
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync(product.RunId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(product.RunId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(risk.Score, NpgsqlDbType.Double);
                await copy.WriteAsync(risk.Priority, NpgsqlDbType.Text);
                await copy.WriteAsync(risk.Json, NpgsqlDbType.Text);
                await copy.WriteAsync(Teams[j % Teams.Length], NpgsqlDbType.Text);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await using var sources = new NpgsqlCommand(
            "INSERT INTO finding_sources (finding_id, source, tool, first_run_id, last_run_id, active, reported_as_json) "
            + "SELECT id, 'sbom', 'ctem', first_run_id, last_run_id, status = 'open', advisory_ids_json FROM findings WHERE id > @Before; ANALYZE",
            connection) { CommandTimeout = 0 };
        sources.Parameters.AddWithValue("Before", before);
        await sources.ExecuteNonQueryAsync();
    }

    private static string Product(int i) => $"load-{i:D2}";

    private static double Percentile(List<double> sorted, int percent) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)];
}

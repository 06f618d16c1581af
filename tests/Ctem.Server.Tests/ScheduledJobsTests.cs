using System.Collections.Concurrent;
using System.Text;
using Ctem.Core.Stores;
using Ctem.Storage;
using Ctem.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>
/// The scope file's schedules run in-process by the server on SQLite (Quartz's in-memory store): a knowledge update
/// from a loopback mirror of the shared data, followed by re-analysis, and the SLA notifications sent to a loopback
/// receiver. Every execution is read back from <c>job_runs</c>.
/// </summary>
public sealed class ScheduledJobsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task DbUpdateSchedule_LocalMirror_ImportsTheAdvisoriesAndReanalysesTheScannedProduct()
    {
        RepoPaths.RequireShared();
        await using var database = await TestDatabase.CreateAsync(Dialect.Sqlite);
        await ApiFixture.CliAsync(database, "scan", ApiFixture.DemoSbom, "--product", "harp");
        await using var mirror = new LocalHttpServer();
        mirror.Serve("/Go/all.zip", await File.ReadAllBytesAsync(RepoPaths.SharedData("osv", "Go.zip")));
        mirror.Serve("/kev.json", await File.ReadAllBytesAsync(RepoPaths.SharedData("kev", "known_exploited_vulnerabilities.json")));
        var scope = await ScopeAsync(database, $$"""
            products:
              - name: harp
            schedules:
              dbUpdate:
                - cron: "* * * * * ?"
                  sources: [osv, kev]
                  ecosystems: [Go]
                  urls: {osv: "{{mirror.BaseUrl}}", kev: "{{mirror.BaseUrl}}/kev.json"}
                  retries: 0
            """);
        await using var store = await CtemStoreFactory.OpenAsync(database.Spec, TimeProvider.System, CancellationToken.None);
        Assert.Empty(await store.GetCurrentFindingsAsync(null, CancellationToken.None));

        var runs = await RunServerUntilAsync(database, scope, store, runs => runs.Count(r => r.Status != JobRunStatus.Running) >= 2);

        var first = runs[0];
        Assert.Equal(("db-update[0]", JobRunStatus.Succeeded, false), (first.Job, first.Status, first.Recovering));
        Assert.Contains("OSV Go: downloaded", first.Message, StringComparison.Ordinal);
        Assert.Contains("CISA KEV: downloaded", first.Message, StringComparison.Ordinal);
        Assert.Contains("re-analysed 1 inventories of 1 products", first.Message, StringComparison.Ordinal);
        Assert.Contains("OSV Go: not modified", runs[1].Message, StringComparison.Ordinal);
        Assert.NotEmpty(await store.GetCurrentFindingsAsync(null, CancellationToken.None));
        Assert.Contains(await store.GetFeedStatusAsync(CancellationToken.None), f => f.Source.Contains("kev", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task NotifySchedule_BreachedSla_SentToTheChannelOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Dialect.Sqlite);
        await ApiFixture.CliAsync(database, "db", "import", Path.Combine(RepoPaths.Samples, "demo", "advisories"));
        await using var receiver = new LocalHttpServer();
        var bodies = new ConcurrentQueue<string>();
        receiver.Handle("/slack", request =>
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            bodies.Enqueue(reader.ReadToEnd());
            return "ok"u8.ToArray();
        });
        var scope = await ScopeAsync(database, $$"""
            products:
              - name: harp
            sla: {critical: 0, high: 0, medium: 0, low: 0}
            notifications:
              channels:
                - {name: sla-room, type: slack, url: "{{receiver.BaseUrl}}/slack", on: [sla-breached], minPriority: low}
            schedules:
              notify: {cron: "* * * * * ?"}
            """);

        // Scanned a month before the server runs, with an SLA of 0 days: every finding is past due.
        await ApiFixture.CliAsync(database, "scan", ApiFixture.DemoSbom, "--product", "harp", "--scope", scope);
        await using var store = await CtemStoreFactory.OpenAsync(database.Spec, TimeProvider.System, CancellationToken.None);

        var runs = await RunServerUntilAsync(database, scope, store, runs => runs.Count(r => r.Status != JobRunStatus.Running) >= 2);

        Assert.All(runs.Take(2), r => Assert.Equal(("notify", JobRunStatus.Succeeded), (r.Job, r.Status)));
        Assert.Matches("^sla-room: [1-9][0-9]* sent$", runs[0].Message);
        Assert.Equal("sla-room: 0 sent", runs[1].Message);
        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.Contains("harp", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_ScopeWithInvalidCron_IsExit3NamingTheFileAndPlaceAndDoesNotStart()
    {
        await using var database = await TestDatabase.CreateAsync(Dialect.Sqlite);
        var scope = await ScopeAsync(database, "products: []\nschedules:\n  dbUpdate:\n    - {cron: \"0 8 * * 1\"}\n    - {cron: \"0 0 25 * * ?\"}\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new Cli.Hosting.CliHost(stdout, stderr, _ => null, TimeProvider.System);

        var exit = await Cli.CtemCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--db", database.Spec, "--scope", scope], host, CancellationToken.None);

        Assert.Equal(3, exit);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"error: {scope}:4:14: schedules.dbUpdate[0].cron: '0 8 * * 1' is not a Quartz cron expression: it has 5 fields", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"error: {scope}:5:14: schedules.dbUpdate[1].cron: '0 0 25 * * ?' is not a Quartz cron expression (", lines[1], StringComparison.Ordinal);
        Assert.Contains("the server was not started", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("listening", stderr.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> ScopeAsync(TestDatabase database, string yaml)
    {
        var path = Path.Combine(database.Directory, "ctem.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }

    /// <summary>Runs the server (its hosted services: the store, the scheduler) until <paramref name="done"/> holds for the recorded runs.</summary>
    private static async Task<IReadOnlyList<JobRun>> RunServerUntilAsync(TestDatabase database, string scope, ICtemStore store, Func<IReadOnlyList<JobRun>, bool> done)
    {
        await using var factory = new WebApplicationFactory<Hosting.ServerSettings>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Ctem:Database", database.Spec);
            builder.UseSetting("Ctem:ScopeFile", scope);
        });
        using var client = factory.CreateClient();
        var until = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < until)
        {
            var runs = await store.JobRuns.ListJobRunsAsync(null, CancellationToken.None);
            if (done(runs))
            {
                return runs;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"the scheduled jobs did not get there within {Patience.TotalMinutes} minutes: {string.Join("; ", (await store.JobRuns.ListJobRunsAsync(null, CancellationToken.None)).Select(r => $"{r.Job} {r.Status} {r.Message}"))}");
        return [];
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Ctem.Core.Stores;
using Ctem.Storage;
using Ctem.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>
/// Two real <c>ctem serve</c> processes on one PostgreSQL database, sharing the scope file's schedules through Quartz's
/// clustered job store. The node running a slow job (its SBOM download is held by the test's server) is killed with
/// SIGKILL mid-job; the other node recovers the job and completes it once, and every fire time of every trigger is
/// executed by one node only. Everything is asserted from <c>job_runs</c>; waits are polls with generous limits.
/// </summary>
public sealed partial class ClusterProcessTests
{
    private const string SlowJob = "rescan:harp:nightly";
    private const string QuickJob = "rescan:harp:tree";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task TwoNodes_NodeKilledMidJob_TheOtherRecoversItOnceAndEachFireTimeRunsOnce()
    {
        Prerequisite.Require(PostgresTestDatabase.UnavailableReason);
        await using var database = await TestDatabase.CreateAsync(Dialect.Postgres);
        await ApiFixture.CliAsync(database, "db", "import", Path.Combine(RepoPaths.Samples, "demo", "advisories"));
        await using var sboms = new LocalHttpServer();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sbom = await File.ReadAllBytesAsync(ApiFixture.DemoSbom);
        var requests = 0;
        sboms.Handle("/harp.sbom.json", _ =>
        {
            // The first download is the one in flight when its node dies; later ones (the recovery) are answered at once.
            if (Interlocked.Increment(ref requests) == 1)
            {
                held.TrySetResult();
                release.Task.Wait(Patience);
            }

            return sbom;
        });
        var scope = Path.Combine(database.Directory, "ctem.yaml");
        await File.WriteAllTextAsync(scope, $$"""
            products:
              - name: harp
            schedules:
              rescans:
                - {product: harp, source: nightly, cron: "*/2 * * * * ?", url: "{{sboms.BaseUrl}}/harp.sbom.json", retries: 0}
                - {product: harp, source: tree, cron: "*/2 * * * * ?", paths: ["{{ApiFixture.DemoSbom}}"]}
            """);

        var nodes = new[] { Node.Start(database, scope), Node.Start(database, scope) };
        try
        {
            foreach (var node in nodes)
            {
                await node.AnnouncedAsync();
            }

            await WaitAsync(held.Task, "no node started the slow job");
            await using var store = await CtemStoreFactory.OpenAsync(database.Spec, TimeProvider.System, CancellationToken.None);
            var killed = await PollAsync(store, runs => runs.SingleOrDefault(r => r.Job == SlowJob && r.Status == JobRunStatus.Running), "the slow job's run was never recorded");
            var victim = nodes.Single(n => n.Id == killed.Node);
            victim.Kill();
            release.SetResult();
            var recovered = await PollAsync(
                store,
                runs => runs.FirstOrDefault(r => r.Job == SlowJob && r.Recovering && r.ScheduledFor == killed.ScheduledFor && r.Status != JobRunStatus.Running),
                "the killed node's job was never recovered");
            var survivor = nodes.Single(n => n != victim);

            // A few more fire times of both jobs on the survivor, so "once per fire time" is checked past the recovery too.
            await PollAsync(store, runs => runs.Count(r => r.Job == QuickJob && r.StartedAt > recovered.FinishedAt) >= 2 ? runs : null, "the quick job stopped firing after the recovery");
            await survivor.StopAsync();

            var all = await store.JobRuns.ListJobRunsAsync(null, CancellationToken.None);
            Assert.Equal((JobRunStatus.Succeeded, survivor.Id), (recovered.Status, recovered.Node));
            Assert.Equal(JobRunStatus.Running, Assert.Single(all, r => r.Id == killed.Id).Status);
            Assert.Single(all, r => r.Job == SlowJob && r.ScheduledFor == killed.ScheduledFor && r.Recovering);
            Assert.All(
                all.GroupBy(r => (r.Job, r.ScheduledFor, r.Recovering)),
                fire => Assert.True(fire.Count() == 1, $"{fire.Key.Job} for {fire.Key.ScheduledFor:O} ran {fire.Count()} times: on {string.Join(", ", fire.Select(r => r.Node))}"));
            Assert.True(all.Count(r => r.Job == QuickJob) >= 3, "the quick job ran fewer than 3 times");
            Assert.All(all.Where(r => r.Id != killed.Id && r.Node == survivor.Id), r => Assert.Equal(JobRunStatus.Succeeded, r.Status));
            Assert.Equal(0, survivor.ExitCode);
        }
        finally
        {
            release.TrySetResult();
            foreach (var node in nodes)
            {
                node.Kill();
            }
        }
    }

    private static async Task WaitAsync(Task task, string failure)
    {
        if (await Task.WhenAny(task, Task.Delay(Patience)) != task)
        {
            Assert.Fail($"{failure} within {Patience.TotalMinutes} minutes");
        }
    }

    private static async Task<T> PollAsync<T>(ICtemStore store, Func<IReadOnlyList<JobRun>, T?> found, string failure)
        where T : class
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < until)
        {
            if (found(await store.JobRuns.ListJobRunsAsync(null, CancellationToken.None)) is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Fail($"{failure} within {Patience.TotalMinutes} minutes");
        return null;
    }

    /// <summary>One <c>ctem serve</c> process; its output is drained as it comes, so a full pipe never stalls it.</summary>
    private sealed partial class Node
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _stderr = new();
        private readonly TaskCompletionSource<string> _id = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _drained;

        private Node(Process process)
        {
            _process = process;
            _drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), DrainStderrAsync());
        }

        public string Id => _id.Task.IsCompletedSuccessfully ? _id.Task.Result : "";

        public int ExitCode => _process.ExitCode;

        public static Node Start(TestDatabase database, string scope)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ctem.dll"), "serve", "--urls", "http://127.0.0.1:0", "--db", database.Spec, "--scope", scope])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };

            // A dead node is written off 1 s + 8 s after its last check-in, not the default 5 s + 15 s: the test waits less,
            // and 8 s is still longer than a live node's pause on a loaded machine.
            start.Environment["CTEM_CLUSTER_CHECKIN_MS"] = "1000";
            start.Environment["CTEM_CLUSTER_MISFIRE_MS"] = "8000";
            return new Node(Process.Start(start)!);
        }

        public async Task AnnouncedAsync()
        {
            if (await Task.WhenAny(_id.Task, Task.Delay(Patience)) != _id.Task)
            {
                Assert.Fail($"ctem serve did not announce its scheduler node: {string.Join(" | ", _stderr)}");
            }

            await _id.Task;
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        public async Task StopAsync()
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(Patience);
            await _process.WaitForExitAsync(timeout.Token);
            await _drained;
        }

        private async Task DrainStderrAsync()
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                _stderr.Enqueue(line);
                if (Announced().Match(line) is { Success: true } match)
                {
                    _id.TrySetResult(match.Groups[1].Value);
                }
            }

            _id.TrySetException(new InvalidOperationException($"ctem serve exited: {string.Join(" | ", _stderr)}"));
        }

        [GeneratedRegex(@"scheduler node (\S+) runs")]
        private static partial Regex Announced();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctem.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>
/// The real thing: <c>ctem serve --urls http://127.0.0.1:0</c> as a child process on SQLite and PostgreSQL, ready, called,
/// and stopped with SIGTERM while a scan is in flight: the scan finishes (or, past the shutdown timeout, rolls back) and
/// the process exits 0.
/// </summary>
public sealed partial class ServeProcessTests
{
    [SkippableTheory]
    [InlineData(Dialect.Sqlite)]
    [InlineData(Dialect.Postgres)]
    public async Task Serve_AnswersThenStopsGracefullyOnSigterm(Dialect dialect)
    {
        if (dialect == Dialect.Postgres)
        {
            Prerequisite.Require(PostgresTestDatabase.UnavailableReason);
        }

        await using var database = await TestDatabase.CreateAsync(dialect);
        await ApiFixture.CliAsync(database, "db", "import", Path.Combine(RepoPaths.Samples, "demo", "advisories"));
        var token = (await ApiFixture.CliAsync(database, "token", "create", "--team", "payments", "--role", "writer")).Trim();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ctem.dll"), "serve", "--urls", "http://127.0.0.1:0", "--db", database.Spec])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = new ServerLog(process.StandardOutput);
        try
        {
            var address = await ListeningAddressAsync(process);
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            await ReadyAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);

            // The scan is in flight when the signal comes: the server is reading its body, half of which is sent. Fixed
            // delays are not enough under load (a request the server has not begun when the signal comes is refused, which
            // the client sees as "response ended prematurely"): each step waits for the server's log to say it happened.
            var rest = new TaskCompletionSource();
            var scan = client.PostAsync("/api/v1/products/harp/scans", new HalfThenRest(await File.ReadAllBytesAsync(ApiFixture.DemoSbom), rest.Task));
            await log.SaysAsync("Executing endpoint 'HTTP: POST /api/v1/products/{product}/scans");
            Signal(process, "TERM");
            await log.SaysAsync("Application is shutting down");

            // Regression: System.CommandLine ended the process 2 s after SIGTERM, cutting off a scan that took longer
            // (under load in CI): the request now stays in flight past that.
            await Task.Delay(TimeSpan.FromSeconds(3));
            rest.SetResult();
            using var scanned = await scan;
            Assert.True(await ExitsAsync(process, TimeSpan.FromSeconds(60)), "ctem serve did not exit within 60 s of SIGTERM");

            Assert.Equal(0, process.ExitCode);
            Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
            var history = JsonDocument.Parse(await ApiFixture.CliAsync(database, "history", "--product", "harp", "--format", "json")).RootElement;
            Assert.Equal(JsonDocument.Parse(await scanned.Content.ReadAsStringAsync()).RootElement.GetProperty("run").GetProperty("id").GetInt64(), history.GetProperty("runs")[0].GetProperty("id").GetInt64());
            Assert.Contains("ctem serve: stopped", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(token, await log.AllAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Serve_DatabaseItCannotReach_IsExit4WithOneLine()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new Cli.Hosting.CliHost(stdout, stderr, _ => null, TimeProvider.System);

        var exit = await Cli.CtemCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--db", "Host=127.0.0.1;Port=1;Username=ctem;Password=secret-pw;Database=ctem"], host, CancellationToken.None);

        Assert.Equal(4, exit);
        Assert.StartsWith("ctem: database error: cannot connect to PostgreSQL database 'ctem' on 127.0.0.1:1", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", stderr.ToString() + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string> BadScopes => new()
    {
        { null, "ctem: cannot read the scope file {scope}: " },
        { "acceptance:\n  maxDays: 0\n", "ctem: the scope file {scope} is not valid (see above); the server was not started" },
    };

    [Theory]
    [MemberData(nameof(BadScopes))]
    public async Task Serve_ScopeFileMissingOrNotValid_IsExit3NamingIt(string? content, string said)
    {
        await using var database = await TestDatabase.CreateAsync(Dialect.Sqlite);
        var scope = Path.Combine(database.Directory, "serve.yaml");
        if (content is not null)
        {
            await File.WriteAllTextAsync(scope, content);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new Cli.Hosting.CliHost(stdout, stderr, _ => null, TimeProvider.System);

        var exit = await Cli.CtemCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--scope", scope, "--db", database.Spec], host, CancellationToken.None);

        Assert.Equal(3, exit);
        Assert.Contains(said.Replace("{scope}", scope, StringComparison.Ordinal), stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("listening", stderr.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"ctem serve exited ({process.ExitCode}) without listening");
    }

    private static async Task ReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("/health/ready never answered 200");
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
    }

    private static async Task<bool> ExitsAsync(Process process, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A body sent in two halves: the second once <paramref name="rest"/> completes.</summary>
    private sealed class HalfThenRest(byte[] body, Task rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            await rest;
            await stream.WriteAsync(body.AsMemory(body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    /// <summary>The server's log (its stdout), read as it comes, so that a test can wait for a line instead of guessing a delay.</summary>
    private sealed class ServerLog
    {
        private readonly Lock _gate = new();
        private readonly System.Text.StringBuilder _text = new();
        private readonly Task _reading;
        private TaskCompletionSource _grew = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _ended;

        public ServerLog(StreamReader output) => _reading = ReadAsync(output);

        /// <summary>Waits (at most 60 s) until the log holds <paramref name="text"/>.</summary>
        public async Task SaysAsync(string text)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                Task grew;
                lock (_gate)
                {
                    if (_text.ToString().Contains(text, StringComparison.Ordinal))
                    {
                        return;
                    }

                    Assert.False(_ended, $"the server exited without logging '{text}':\n{_text}");

                    grew = _grew.Task;
                }

                await grew.WaitAsync(timeout.Token);
            }
        }

        /// <summary>Everything the server wrote, once it has exited.</summary>
        public async Task<string> AllAsync()
        {
            await _reading;
            lock (_gate)
            {
                return _text.ToString();
            }
        }

        private async Task ReadAsync(StreamReader output)
        {
            while (await output.ReadLineAsync() is { } line)
            {
                lock (_gate)
                {
                    _text.AppendLine(line);
                    _grew.TrySetResult();
                    _grew = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            lock (_gate)
            {
                _ended = true;
                _grew.TrySetResult();
            }
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

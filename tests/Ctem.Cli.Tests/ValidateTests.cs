using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary><c>ctem validate</c> from the command line, against loopback only (127.0.0.0/8) and never a DNS name.</summary>
public sealed class ValidateTests
{
    private const string Listing = "<html><head><title>Index of /</title></head><body><a href=\"db.sql\">db.sql</a></body></html>";

    [Fact]
    public async Task Validate_DiscoveredListing_DryRunThenRunThenRetest_AsGoldenTablesAndJson()
    {
        var pages = new Dictionary<string, string> { ["/"] = Page(Listing) };
        await using var server = FixedHttpServer.Start("127.0.0.1", pages);
        await using var outside = FixedHttpServer.Start("127.0.0.2", pages);
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", $"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"http://127.0.0.1:{server.Port}/\", \"127.0.0.2:{outside.Port}\"]}}]\nscope: {{allow: [127.0.0.1]}}");
        await RunAsync("discover", "--scope", scope, "--db", fixture.Database);
        var contacted = server.Accepted;

        var dryRun = await RunAsync("validate", "--scope", scope, "--dry-run", "--db", fixture.Database);
        var afterDryRun = server.Accepted;
        var table = await RunAsync("validate", "--scope", scope, "--db", fixture.Database);
        var explain = await fixture.RunAsync("findings", "--explain", "5");
        pages["/"] = Page("<html><title>Shop</title></html>");
        var retest = await RunAsync("validate", "--scope", scope, "--retest", "5", "--format", "json", "--db", fixture.Database);

        Assert.Equal((0, 0, 0), (dryRun.ExitCode, table.ExitCode, retest.ExitCode));
        Assert.Equal(0, outside.Accepted);
        Assert.Equal(contacted, afterDryRun);
        Golden.Verify(Redact(dryRun.Stdout, server, outside), "validate-dry-run.txt");
        Golden.Verify(Redact(table.Stdout, server, outside), "validate.txt");
        Golden.Verify(Redact(retest.Stdout, server, outside), "validate-retest.json");
        Assert.Matches($@"Validation: validated by check directory-listing on http://127\.0\.0\.1:{server.Port}, \d{{4}}-\d\d-\d\d \d\d:\d\d UTC; SSVC Exploitation counts it as public PoC at least", explain.Stdout);
        Assert.Contains("Exploitation: Public PoC (validated by check directory-listing", explain.Stdout.Replace("\n", " ", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnsafeCheckInTheScopeFilesDirectory_IsBadInputNamingFileAndLine()
    {
        using var fixture = new CliFixture();
        Directory.CreateDirectory(Path.Combine(fixture.Directory, "checks"));
        var check = fixture.File("checks/put.yaml", "id: put-probe\ninfo:\n  name: PUT probe\n  severity: low\n  tags: safe\n  metadata: {ctem-validates: [x]}\nhttp:\n  - method: PUT\n    path: ['{{BaseURL}}/x']\n    matchers: [{type: status, status: [201]}]\n");
        var scope = fixture.File("ctem.yaml", "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:9\"]}]\nscope: {allow: [127.0.0.1]}\nvalidation: {checks: checks}");

        var result = await fixture.RunAsync("validate", "--scope", scope);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{check}:8:13: http[0].method: PUT is not allowed: validation only reads (GET, HEAD or OPTIONS)", result.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> Refusals => new()
    {
        { ["--rate", "0"], "--rate is 1 to 10000" },
        { ["--retest", "7", "--product", "shop"], "--retest takes a finding id" },
        { ["--check", "nope"], "no check 'nope'" },
        { ["--retest", "7"], "no finding 7" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Validate_NothingItMayDo_IsAUsageErrorSayingWhy(string[] options, string message)
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:9\"]}]\nscope: {allow: [127.0.0.1]}");

        var result = await fixture.RunAsync(["validate", "--scope", scope, .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs on the system clock, at 100 columns: the connection pacer waits on the clock, and a frozen one would hold a
    /// run's second connection for ever.
    /// </summary>
    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new Ctem.Cli.Hosting.CliHost(stdout, stderr, _ => null, TimeProvider.System) { StdoutColumns = 100 };
        var exit = await CtemCli.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    private static string Redact(string text, FixedHttpServer server, FixedHttpServer outside) =>
        Golden.Redact(text.Replace(server.Port.ToString(CultureInfo.InvariantCulture), "PORT1", StringComparison.Ordinal).Replace(outside.Port.ToString(CultureInfo.InvariantCulture), "PORT2", StringComparison.Ordinal));

    private static string Page(string body) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>An HTTP/1.1 server on a loopback address answering each path with fixed bytes (no Date header), counting connections.</summary>
    private sealed class FixedHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _accepted;

        private FixedHttpServer(string address, IReadOnlyDictionary<string, string> pages)
        {
            _listener = new TcpListener(IPAddress.Parse(address), 0);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _accepted);
                    _ = Task.Run(() => AnswerAsync(client, pages));
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task AnswerAsync(TcpClient client, IReadOnlyDictionary<string, string> pages)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    var path = Encoding.ASCII.GetString(buffer, 0, read).Split(' ') is [_, var p, ..] ? p : "/";
                    var page = pages.TryGetValue(path, out var found) ? found : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(page), _stop.Token);
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // Discover's connect scan and TLS hellos hang up without asking for a page.
                }
            }
        }

        public int Accepted => Volatile.Read(ref _accepted);

        public static FixedHttpServer Start(string address, IReadOnlyDictionary<string, string> pages) => new(address, pages);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            _stop.Dispose();
        }
    }
}

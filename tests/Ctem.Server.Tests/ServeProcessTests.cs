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
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            var address = await ListeningAddressAsync(process);
            // The body waits for the server's 100 Continue however long a loaded machine takes (the default is 1 s).
            using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = new Uri(address) };
            await ReadyAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);

            // The scan is in flight when the signal comes: the server is reading its body, half of which is sent. A fixed
            // delay is not enough under load: a request whose headers the server has not read yet is an idle connection,
            // which a stopping Kestrel closes ("response ended prematurely"). With Expect: 100-continue the body is sent
            // only once the endpoint reads it, so the first half going out proves the request is in the server's hands.
            var rest = new TaskCompletionSource();
            var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var scanRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products/harp/scans")
            {
                Content = new HalfThenRest(await File.ReadAllBytesAsync(ApiFixture.DemoSbom), sending, rest.Task),
            };
            scanRequest.Headers.ExpectContinue = true;
            var scan = client.SendAsync(scanRequest);
            await sending.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Signal(process, "TERM");
            await StopsAcceptingAsync(address);
            rest.SetResult();
            using var scanned = await scan;
            Assert.True(await ExitsAsync(process, TimeSpan.FromSeconds(60)), "ctem serve did not exit within 60 s of SIGTERM");

            Assert.Equal(0, process.ExitCode);
            Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
            var history = JsonDocument.Parse(await ApiFixture.CliAsync(database, "history", "--product", "harp", "--format", "json")).RootElement;
            Assert.Equal(JsonDocument.Parse(await scanned.Content.ReadAsStringAsync()).RootElement.GetProperty("run").GetProperty("id").GetInt64(), history.GetProperty("runs")[0].GetProperty("id").GetInt64());
            Assert.Contains("ctem serve: stopped", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(token, await stdout, StringComparison.Ordinal);
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

    /// <summary>Waits until a new connection is refused: the server has taken the signal and is stopping.</summary>
    private static async Task StopsAcceptingAsync(string address)
    {
        var uri = new Uri(address);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(uri.Host, uri.Port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("ctem serve still accepted connections 60 s after SIGTERM");
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

    /// <summary>A body sent in two halves: <paramref name="sending"/> completes as the first goes out, the second once <paramref name="rest"/> completes.</summary>
    private sealed class HalfThenRest(byte[] body, TaskCompletionSource sending, Task rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            sending.TrySetResult();
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

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

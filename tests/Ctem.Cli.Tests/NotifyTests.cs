using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 13, notifications: <c>ctem notify</c> and the notifications at the end of <c>ctem scan</c>, on the demo, to a
/// webhook on 127.0.0.1. Each event is sent once; a dry run sends and records nothing; a failed channel fails
/// <c>ctem notify</c> (exit 4) but not the scan; the secret is never printed.
/// </summary>
public sealed class NotifyTests
{
    private const string Secret = "whsec-test-only-7f3a";
    private const string Product = "github.com/elastic/harp";

    private static readonly Dictionary<string, string> Environment = new() { ["CTEM_WEBHOOK_SECRET"] = Secret, ["CTEM_RETRY_DELAY_MS"] = "0" };

    [Fact]
    public async Task Scan_WebhookConfigured_SendsEachNewFindingOnceAndNotifyHasNothingNew()
    {
        using var fixture = new CliFixture();
        await using var server = new LocalHttpServer();
        var bodies = Collect(server);
        var scope = await ScopeAsync(fixture, server);
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var scan = await RunAsync(fixture, "scan", CliFixture.DemoSbom, "--product", Product, "--scope", scope, "--format", "json");
        var notify = await RunAsync(fixture, "notify", "--scope", scope, "--format", "json");

        var findings = JsonNode.Parse(scan.Stdout)!["findings"]!.AsArray();
        Assert.Equal(0, scan.ExitCode);
        Assert.Contains($"notifications: hook (webhook): sent {findings.Count} events (0 already sent)", scan.Stderr, StringComparison.Ordinal);
        var sent = bodies.SelectMany(b => JsonNode.Parse(b)!["events"]!.AsArray()).ToList();
        Assert.Equal(findings.Select(f => (long)f!["id"]!).Order(), sent.Select(e => (long)e!["finding"]!["id"]!).Order());
        Assert.All(sent, e => Assert.Equal("new-finding", (string?)e!["kind"]));
        var channel = JsonNode.Parse(notify.Stdout)!["channels"]![0]!;
        Assert.Equal((0, "up-to-date", 0, findings.Count), (notify.ExitCode, (string?)channel["status"], (int)channel["sent"]!, (int)channel["alreadySent"]!));
        Assert.DoesNotContain(Secret, scan.Stdout + scan.Stderr + notify.Stdout + notify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_DryRun_ListsWhatWouldBeSentAndSendsAndRecordsNothing()
    {
        using var fixture = await ScannedAsync();
        await using var server = new LocalHttpServer();
        var bodies = Collect(server);
        var scope = await ScopeAsync(fixture, server);

        var dry = await RunAsync(fixture, "notify", "--dry-run", "--scope", scope, "--format", "json");
        var table = await RunAsync(fixture, "notify", "--dry-run", "--scope", scope);
        var real = await RunAsync(fixture, "notify", "--scope", scope, "--format", "json");

        var wouldSend = JsonNode.Parse(dry.Stdout)!["channels"]![0]!;
        Assert.Equal((0, "would-send", true), (dry.ExitCode, (string?)wouldSend["status"], (bool)JsonNode.Parse(dry.Stdout)!["dryRun"]!));
        Assert.NotEmpty(wouldSend["events"]!.AsArray());
        Golden.Verify(table.Stdout, "notify-dry-run.txt");
        var done = JsonNode.Parse(real.Stdout)!["channels"]![0]!;
        Assert.Equal(("sent", wouldSend["events"]!.AsArray().Count), ((string?)done["status"], (int)done["sent"]!));
        Assert.Equal(wouldSend["events"]!.ToJsonString(), done["events"]!.ToJsonString());
        Assert.Equal((done["events"]!.AsArray().Count + 39) / 40, bodies.Count);
    }

    // The lead's wiring of risk acceptance: an acceptance ending within dueSoonDays is an event, sent once.
    [Fact]
    public async Task Notify_AcceptedRiskEndingSoon_IsAnAcceptanceExpiringEvent()
    {
        using var fixture = await ScannedAsync();
        await using var server = new LocalHttpServer();
        var bodies = Collect(server);
        var scope = fixture.File("accept.yaml", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml")) + $"""
            notifications:
              channels:
                - name: hook
                  type: webhook
                  url: "{server.BaseUrl}/hook"
                  secretEnv: CTEM_WEBHOOK_SECRET
                  on: [acceptance-expiring]
                  minPriority: low

            """);
        var listed = await RunAsync(fixture, "findings", "--format", "json");
        var id = (long)JsonNode.Parse(listed.Stdout)!["findings"]![0]!["id"]!;
        await RunAsync(fixture, "accept", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "WAF rule", "--until", "2026-11-05", "--by", "alice");

        var first = await RunAsync(fixture, "notify", "--scope", scope, "--format", "json");
        var second = await RunAsync(fixture, "notify", "--scope", scope, "--format", "json");

        var sent = JsonNode.Parse(first.Stdout)!["channels"]![0]!;
        Assert.Equal((0, "sent", 1), (first.ExitCode, (string?)sent["status"], (int)sent["sent"]!));
        Assert.Equal(0, (int)JsonNode.Parse(second.Stdout)!["channels"]![0]!["sent"]!);
        var body = Assert.Single(bodies);
        Assert.Contains("acceptance-expiring", body, StringComparison.Ordinal);
        Assert.Contains("WAF rule", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_ChannelFails_ExitsFourWhileTheScanKeepsItsExitCode()
    {
        using var fixture = new CliFixture();
        await using var server = new LocalHttpServer();
        Collect(server);
        server.Fail("/hook", 100, HttpStatusCode.InternalServerError);
        var scope = await ScopeAsync(fixture, server);
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var scan = await RunAsync(fixture, "scan", CliFixture.DemoSbom, "--product", Product, "--scope", scope);
        var notify = await RunAsync(fixture, "notify", "--scope", scope);

        Assert.Equal(0, scan.ExitCode);
        Assert.Contains("notifications: hook (webhook): failed after sending 0 of ", scan.Stderr, StringComparison.Ordinal);
        Assert.Contains(": HTTP 500 Internal Server Error; the rest are sent next time", scan.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, notify.ExitCode);
        Assert.Equal(8, server.Log.Count);
    }

    [Fact]
    public async Task Notify_NoChannels_UsageError()
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", "products: []\n");

        var result = await RunAsync(fixture, "notify", "--scope", scope);

        Assert.Equal((2, "ctem notify: the scope file configures no notification channels; add a notifications: section (docs/cli.md, \"Notifications\")\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public async Task Notify_SecretNotSet_NamesTheVariableAndExitsFour()
    {
        using var fixture = await ScannedAsync();
        await using var server = new LocalHttpServer();
        var scope = await ScopeAsync(fixture, server);

        var result = await CliRun.RunWithEnvironmentAsync(new Dictionary<string, string>(), ["notify", "--scope", scope, "--db", fixture.Database]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("hook (webhook): failed after sending 0 of ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("the environment variable CTEM_WEBHOOK_SECRET (secretEnv) is not set", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(server.Log);
    }

    [Theory]
    [InlineData("notify", "nothing was sent")]
    [InlineData("db import", "nothing was imported")]
    [InlineData("db update", "nothing was downloaded")]
    public async Task Command_InvalidNotifications_ExitsThreeBeforeDoingAnything(string command, string refusal)
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", "products: []\nnotifications:\n  channels:\n    - {name: hook, type: webhook, url: \"https://h.example.com\", secretEnv: \"hunter2!\"}\n");

        var result = await RunAsync(fixture, [.. command.Split(' '), .. command == "db import" ? [CliFixture.DemoAdvisories] : Array.Empty<string>(), "--scope", scope, .. command == "db update" ? ["--kev-url", "http://127.0.0.1:9/none", "--source", "kev"] : Array.Empty<string>()]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("notifications.channels[0].secretEnv: not an environment variable name", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"is not valid (see above); {refusal}\n", result.Stderr, StringComparison.Ordinal);
    }

    private static Task<CliResult> RunAsync(CliFixture fixture, params string[] args) =>
        CliRun.RunWithEnvironmentAsync(Environment, [.. args, "--db", fixture.Database]);

    private static async Task<CliFixture> ScannedAsync()
    {
        var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", Product, "--scope", Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml"));
        return fixture;
    }

    /// <summary>The demo's scope file with a webhook taking new findings and KEV listings of high priority or more.</summary>
    private static async Task<string> ScopeAsync(CliFixture fixture, LocalHttpServer server) =>
        fixture.File("ctem.yaml", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml")) + $"""
            notifications:
              channels:
                - name: hook
                  type: webhook
                  url: "{server.BaseUrl}/hook"
                  secretEnv: CTEM_WEBHOOK_SECRET
                  on: [new-finding, kev]
                  minPriority: low

            """);

    private static ConcurrentQueue<string> Collect(LocalHttpServer server)
    {
        var bodies = new ConcurrentQueue<string>();
        server.Handle("/hook", request =>
        {
            using var reader = new StreamReader(request.InputStream);
            bodies.Enqueue(reader.ReadToEnd());
            return [];
        });
        return bodies;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Notifications;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

/// <summary>
/// Issue 13: notifications on the demo (harp's SBOM against its Go advisories), to webhooks on 127.0.0.1: each event
/// once per channel, a failed delivery sent again next time, a dry run sending and recording nothing.
/// </summary>
public sealed class NotifierTests
{
    private static readonly NotificationOptions Fast = new(1, TimeSpan.Zero, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Run_DemoScanned_EachNewFindingSentOnceAndADryRunSendsNothing()
    {
        await using var fixture = await ScannedDemoAsync();
        await using var server = new LocalHttpServer();
        var bodies = Collect(server, "/hook");
        var settings = new NotificationSettings([Webhook("hook", $"{server.BaseUrl}/hook")]);
        var open = await fixture.Store.GetCurrentFindingsAsync(null, CancellationToken.None);

        var dry = await Notifier(fixture).RunAsync(settings, null, dryRun: true, CancellationToken.None);
        var first = await Notifier(fixture).RunAsync(settings, null, dryRun: false, CancellationToken.None);
        var again = await Notifier(fixture).RunAsync(settings, null, dryRun: false, CancellationToken.None);

        Assert.Equal((open.Count, 0, 0), (dry.Channels[0].Pending.Count, dry.Channels[0].Sent, dry.Channels[0].AlreadySent));
        Assert.Equal((open.Count, open.Count, 0), (first.Channels[0].Pending.Count, first.Channels[0].Sent, first.Channels[0].AlreadySent));
        Assert.Equal((0, 0, open.Count), (again.Channels[0].Pending.Count, again.Channels[0].Sent, again.Channels[0].AlreadySent));
        Assert.Equal((open.Count + NotificationDispatcher.MaxEventsPerMessage - 1) / NotificationDispatcher.MaxEventsPerMessage, bodies.Count);
        var sentIds = bodies.SelectMany(b => JsonDocument.Parse(b).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("finding").GetProperty("id").GetInt64()));
        Assert.Equal(open.Select(f => f.Id).Order(), sentIds.Order());
    }

    [Fact]
    public async Task Run_ChannelFails_NothingRecordedAndTheNextRunSendsIt()
    {
        await using var fixture = await ScannedDemoAsync();
        await using var server = new LocalHttpServer();
        var bodies = Collect(server, "/hook");
        server.Fail("/hook", 2, HttpStatusCode.BadGateway);
        var settings = new NotificationSettings([Webhook("hook", $"{server.BaseUrl}/hook") with { MinPriority = Priority.Medium }]);

        var failed = await Notifier(fixture).RunAsync(settings, null, dryRun: false, CancellationToken.None);
        var retried = await Notifier(fixture).RunAsync(settings, null, dryRun: false, CancellationToken.None);

        Assert.Equal(("HTTP 502 Bad Gateway", 0), (failed.Channels[0].Error, failed.Channels[0].Sent));
        Assert.True(failed.AnyFailed);
        Assert.Null(retried.Channels[0].Error);
        Assert.Equal(failed.Channels[0].Pending.Select(e => e.Key), retried.Channels[0].Pending.Select(e => e.Key));
        Assert.NotEmpty(bodies);
        Assert.All(retried.Channels[0].Pending, e => Assert.True(e.Priority >= Priority.Medium));
    }

    [Fact]
    public async Task Run_SecretNotSet_FailsNamingTheVariableAndSendsNothing()
    {
        await using var fixture = await ScannedDemoAsync();
        await using var server = new LocalHttpServer();
        var settings = new NotificationSettings([Webhook("hook", $"{server.BaseUrl}/hook") with { SecretEnv = "CTEM_UNSET_SECRET" }]);

        var run = await Notifier(fixture).RunAsync(settings, null, dryRun: false, CancellationToken.None);

        Assert.Equal("the environment variable CTEM_UNSET_SECRET (secretEnv) is not set", run.Channels[0].Error);
        Assert.Empty(server.Log);
        Assert.Empty(await fixture.Store.GetSentNotificationsAsync("hook", [.. run.Channels[0].Pending.Select(e => e.Key)], CancellationToken.None));
    }

    [Fact]
    public async Task Run_OneProduct_OnlyItsEvents()
    {
        await using var fixture = await ScannedDemoAsync();
        await using var server = new LocalHttpServer();
        Collect(server, "/hook");
        var settings = new NotificationSettings([Webhook("hook", $"{server.BaseUrl}/hook")]);

        var run = await Notifier(fixture).RunAsync(settings, "no-such-product", dryRun: true, CancellationToken.None);

        Assert.Empty(run.Channels[0].Pending);
    }

    private static async Task<EngineFixture> ScannedDemoAsync()
    {
        var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);
        await fixture.ScanAsync(fixture.DemoSbom);
        return fixture;
    }

    private static Notifier Notifier(EngineFixture fixture) =>
        new(fixture.Store, NoAcceptances.Instance, new NotificationChannels(Environment, new HttpPoster(HttpPoster.CreateClient(Fast.Timeout), Fast), fixture.Time, Fast), fixture.Time);

    private static string? Environment(string name) => name == "CTEM_TEST_SECRET" ? "s3cret" : null;

    private static NotificationChannelSettings Webhook(string name, string url) =>
        new(name, ChannelType.Webhook, [NotificationKind.NewFinding], Priority.Low) { Url = url, SecretEnv = "CTEM_TEST_SECRET" };

    private static ConcurrentQueue<byte[]> Collect(LocalHttpServer server, string path)
    {
        var bodies = new ConcurrentQueue<byte[]>();
        server.Handle(path, request =>
        {
            using var body = new MemoryStream();
            request.InputStream.CopyTo(body);
            bodies.Enqueue(body.ToArray());
            return [];
        });
        return bodies;
    }
}

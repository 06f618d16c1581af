using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Notifications;
using Ctem.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Ctem.Engine.Tests.Mobilization.Notifications.NotificationSamples;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

/// <summary>Webhook and Slack channels against an HTTP listener on 127.0.0.1: the signature, retries, no redirects, timeouts.</summary>
public sealed class WebhookChannelTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("test-secret-not-a-real-one");
    private static readonly NotificationOptions Fast = new(3, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    private static readonly NotificationEvent Event = new(Core.Scoping.NotificationKind.Kev, "kev:1:CVE-2021-23337", Finding(1, Priority.High, 3)) { Kev = Kev("CVE-2021-23337") };

    [Fact]
    public async Task Send_Webhook_SignsTheExactBodyAndStampsTheTime()
    {
        await using var server = new LocalHttpServer();
        var received = new ConcurrentQueue<(byte[] Body, string? Signature, string? Timestamp, string? ContentType)>();
        server.Handle("/hook", request =>
        {
            using var body = new MemoryStream();
            request.InputStream.CopyTo(body);
            received.Enqueue((body.ToArray(), request.Headers["X-Ctem-Signature"], request.Headers["X-Ctem-Timestamp"], request.ContentType));
            return [];
        });
        var time = new FakeTimeProvider(Now);

        var delivery = await Webhook(server, "/hook", time).SendAsync([Event], CancellationToken.None);

        Assert.True(delivery.Succeeded, delivery.Error);
        var (bytes, signature, timestamp, contentType) = Assert.Single(received);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Secret, bytes)), signature);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(Now.ToUnixTimeSeconds(), json.RootElement.GetProperty("timestamp").GetInt64());
        Assert.Equal("kev:1:CVE-2021-23337", json.RootElement.GetProperty("events")[0].GetProperty("key").GetString());
        Assert.Equal("application/json; charset=utf-8", contentType);
    }

    /// <summary>Cases: how often the server fails first, with which status → delivered, and the server's log.</summary>
    public static TheoryData<int, HttpStatusCode, bool, string[]> Failures => new()
    {
        { 2, HttpStatusCode.ServiceUnavailable, true, ["/hook 503", "/hook 503", "/hook 200"] },
        { 1, HttpStatusCode.TooManyRequests, true, ["/hook 429", "/hook 200"] },
        { 4, HttpStatusCode.InternalServerError, false, ["/hook 500", "/hook 500", "/hook 500", "/hook 500"] },
        { 1, HttpStatusCode.BadRequest, false, ["/hook 400"] },
        { 1, HttpStatusCode.Unauthorized, false, ["/hook 401"] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Send_ServerFailsFirst_RetriesTransientFailuresOnly(int times, HttpStatusCode status, bool delivered, string[] log)
    {
        await using var server = new LocalHttpServer();
        server.Handle("/hook", _ => []);
        server.Fail("/hook", times, status);

        var delivery = await Webhook(server, "/hook", new FakeTimeProvider(Now)).SendAsync([Event], CancellationToken.None);

        Assert.Equal(delivered, delivery.Succeeded);
        Assert.Equal(log, server.Log);
        Assert.Equal(delivered ? null : $"HTTP {(int)status}", delivery.Error?.Split(' ')[..2] is { } words ? string.Join(' ', words) : null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_Redirect_IsNotFollowedToAnotherPortOrTheSameHost(bool otherPort)
    {
        await using var server = new LocalHttpServer();
        await using var elsewhere = new LocalHttpServer();
        server.Handle("/same", _ => []);
        elsewhere.Handle("/stolen", _ => []);
        server.Redirect("/hook", otherPort ? $"{elsewhere.BaseUrl}/stolen" : $"{server.BaseUrl}/same");

        var delivery = await Webhook(server, "/hook", new FakeTimeProvider(Now)).SendAsync([Event], CancellationToken.None);

        Assert.Equal("HTTP 302: a redirect, not followed (only the configured URL is called)", delivery.Error);
        Assert.Equal(["/hook 302"], server.Log);
        Assert.Empty(elsewhere.Log);
    }

    [Fact]
    public async Task Send_ServerTooSlow_TimesOut()
    {
        await using var server = new LocalHttpServer();
        server.Handle("/slow", _ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(1.5));
            return [];
        });
        var poster = new HttpPoster(HttpPoster.CreateClient(TimeSpan.FromMilliseconds(300)), new NotificationOptions(0, TimeSpan.Zero, TimeSpan.FromMilliseconds(300)));

        var delivery = await new SlackChannel(poster, new Uri($"{server.BaseUrl}/slow")).SendAsync([Event], CancellationToken.None);

        Assert.Equal($"timed out (127.0.0.1:{server.Port})", delivery.Error);
    }

    [Fact]
    public async Task Send_Slack_PostsTextAndBlocksUnsigned()
    {
        await using var server = new LocalHttpServer();
        var received = new ConcurrentQueue<(string Body, string? Signature)>();
        server.Handle("/services/T000/B000/XXXX", request =>
        {
            using var reader = new StreamReader(request.InputStream);
            received.Enqueue((reader.ReadToEnd(), request.Headers["X-Ctem-Signature"]));
            return Encoding.UTF8.GetBytes("ok");
        });
        var poster = new HttpPoster(HttpPoster.CreateClient(Fast.Timeout), Fast);

        var delivery = await new SlackChannel(poster, new Uri($"{server.BaseUrl}/services/T000/B000/XXXX")).SendAsync([Event], CancellationToken.None);

        Assert.True(delivery.Succeeded, delivery.Error);
        var (body, signature) = Assert.Single(received);
        Assert.Null(signature);
        Assert.Equal(Encoding.UTF8.GetString(SlackPayload.Body([Event])), body);
    }

    /// <summary>Cases: a URL → why it is refused (null: it may be called). Nothing is sent.</summary>
    public static TheoryData<string, string?> Urls => new()
    {
        { "https://hooks.example.com/ctem", null },
        { "http://127.0.0.1:8080/hook", null },
        { "http://[::1]/hook", null },
        { "http://hooks.example.com/ctem", "only https:// URLs are called (http:// only to a loopback address)" },
        { "http://10.0.0.5/hook", "only https:// URLs are called (http:// only to a loopback address)" },
        { "ftp://127.0.0.1/hook", "only https:// URLs are called (http:// only to a loopback address)" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void Refuse_Url(string url, string? expected) => Assert.Equal(expected, HttpPoster.Refuse(new Uri(url)));

    private static WebhookChannel Webhook(LocalHttpServer server, string path, TimeProvider time) =>
        new(new HttpPoster(HttpPoster.CreateClient(Fast.Timeout), Fast), new Uri($"{server.BaseUrl}{path}"), Secret, time);
}

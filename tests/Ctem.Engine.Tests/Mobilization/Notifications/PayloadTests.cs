using System.Text;
using System.Text.Json;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Notifications;
using Ctem.Testing;
using Xunit;
using static Ctem.Engine.Tests.Mobilization.Notifications.NotificationSamples;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

/// <summary>The webhook's JSON, Slack's blocks and the e-mail's text and HTML, one event of each kind: golden files.</summary>
public sealed class PayloadTests
{
    private static readonly IReadOnlyList<NotificationEvent> Events = EventDetector.Detect(new NotificationFacts(
        [Finding(1, Priority.Critical, 10), Finding(2, Priority.High, 1, "blog", null, "CVE-2024-4068") with { ComponentPurl = "pkg:npm/braces@3.0.2", Version = "3.0.2", Vulnerability = new("CVE-2024-4068", ["GHSA-grv7-fg5c-xmjg"], "Uncontrolled resource consumption in braces", "HIGH", ["GHSA-grv7-fg5c-xmjg"]) }],
        [Opened(7, 2, 1)],
        new Dictionary<string, Core.Model.KevEntry> { ["CVE-2021-23337"] = Kev("CVE-2021-23337", new DateOnly(2026, 6, 10)) },
        [new RiskAcceptance(1, 1, "Compensating WAF rule <script> & co", Now.AddDays(2), "alice", Now)],
        new Dictionary<long, Core.Model.StoredFinding> { [1] = Finding(1, Priority.Critical, 10) },
        Now,
        7));

    [Fact]
    public void Webhook_EveryKind_Golden()
    {
        var body = WebhookPayload.Body(Events, Now);

        Assert.Equal(["new-finding", "kev", "sla-breached", "acceptance-expiring"], Events.Select(e => NotificationKinds.Name(e.Kind)));
        using var document = JsonDocument.Parse(body);
        Golden.Verify(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", "notification-webhook.json");
    }

    [Fact]
    public void Slack_EveryKind_Golden()
    {
        using var document = JsonDocument.Parse(SlackPayload.Body(Events));

        Golden.Verify(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", "notification-slack.json");
    }

    [Fact]
    public void Email_EveryKind_GoldenTextAndHtml()
    {
        var email = EmailContent.Of(Events);

        Assert.Equal("ctem: 4 notifications (1 new-finding, 1 kev, 1 sla-breached, 1 acceptance-expiring)", email.Subject);
        Golden.Verify(email.Text, "notification-email.txt");
        Golden.Verify(email.Html, "notification-email.html");
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_IsHmacSha256OfTheExactBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"schema\":1}");

        // RFC 4231-style check: HMAC-SHA256("key", body) computed independently.
        Assert.Equal("sha256=" + Convert.ToHexStringLower(new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("key")).ComputeHash(body)), WebhookPayload.Signature(Encoding.UTF8.GetBytes("key"), body));
    }

    [Fact]
    public void Subject_OneEvent_NamesItsKindVulnerabilityAndProduct()
    {
        Assert.Equal("ctem: SLA breached: CVE-2021-23337 in shop", NotificationText.Subject([Events.Single(e => e.Kind == NotificationKind.SlaBreached)]));
    }
}

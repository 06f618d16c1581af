using System.Net;
using System.Net.Sockets;
using System.Text;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Notifications;
using MimeKit;
using netDumbster.smtp;
using Xunit;
using static Ctem.Engine.Tests.Mobilization.Notifications.NotificationSamples;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

/// <summary>The e-mail channel against netDumbster, an in-process SMTP server on 127.0.0.1.</summary>
public sealed class EmailChannelTests
{
    private static readonly NotificationOptions Fast = new(1, TimeSpan.Zero, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Send_TwoEvents_OneMessageWithTextAndHtmlToEveryRecipient()
    {
        var port = FreePort();
        using var server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();
        NotificationEvent[] events =
        [
            new(NotificationKind.SlaBreached, "sla-breached:1:2026-05-29", Finding(1, Priority.Critical, 10)),
            new(NotificationKind.Kev, "kev:1:CVE-2021-23337", Finding(1, Priority.Critical, 10)) { Kev = Kev("CVE-2021-23337") },
        ];
        var smtp = new SmtpSettings("127.0.0.1", port, SmtpSecurity.None, "ctem@example.com", ["security@example.com", "web@example.com"]);

        var delivery = await new EmailChannel(smtp, null, Fast).SendAsync(events, CancellationToken.None);

        Assert.True(delivery.Succeeded, delivery.Error);
        var received = Assert.Single(server.ReceivedEmail);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        var content = EmailContent.Of(events);
        Assert.Equal("ctem: 2 notifications (1 kev, 1 sla-breached)", message.Subject);
        Assert.Equal(["ctem@example.com"], message.From.Mailboxes.Select(m => m.Address));
        Assert.Equal(["security@example.com", "web@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(content.Text.TrimEnd(), message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        Assert.Equal(content.Html.TrimEnd(), message.HtmlBody!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
    }

    [Fact]
    public async Task Send_NoServer_FailsNamingTheServer()
    {
        var port = FreePort();
        var smtp = new SmtpSettings("127.0.0.1", port, SmtpSecurity.None, "ctem@example.com", ["security@example.com"]);

        var delivery = await new EmailChannel(smtp, null, Fast).SendAsync([new(NotificationKind.Kev, "kev:1:CVE-1", Finding(1, Priority.High, 1))], CancellationToken.None);

        Assert.StartsWith($"SMTP 127.0.0.1:{port}: ", delivery.Error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

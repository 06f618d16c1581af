using System.Net.Sockets;
using Ctem.Core.Scoping;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Polly;
using Polly.Retry;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// E-mail over SMTP (MailKit): one message per delivery, plain text with an HTML alternative, to every recipient.
/// Connection failures and the server's temporary (4xx) refusals are retried with back-off; a permanent refusal or a
/// failed login is not.
/// </summary>
public sealed class EmailChannel : INotificationChannel
{
    private readonly SmtpSettings _smtp;
    private readonly string? _password;
    private readonly NotificationOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public EmailChannel(SmtpSettings smtp, string? password, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _smtp = smtp;
        _password = password;
        _options = options;
        var builder = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryDelay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder()
                    .Handle<SocketException>()
                    .Handle<IOException>()
                    .Handle<TimeoutException>()
                    .Handle<ServiceNotConnectedException>()
                    .Handle<SmtpProtocolException>()
                    .Handle<SmtpCommandException>(e => (int)e.StatusCode is >= 400 and < 500),
            });
        }

        _pipeline = builder.Build();
    }

    public async Task<Delivery> SendAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var message = Message(EmailContent.Of(events));
            await _pipeline.ExecuteAsync(async token => await SendOnceAsync(message, token), cancellationToken);
            return Delivery.Accepted;
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or MailKit.Security.AuthenticationException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException or ParseException)
        {
            // MailKit's messages name the server and its reply, never the password.
            return Delivery.Failed($"SMTP {_smtp.Host}:{_smtp.Port}: {ex.Message}");
        }
    }

    private MimeMessage Message(EmailContent content)
    {
        var message = new MimeMessage { Subject = content.Subject };
        message.From.Add(MailboxAddress.Parse(_smtp.From));
        foreach (var to in _smtp.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        return message;
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var security = _smtp.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_smtp.Host, _smtp.Port, security, cancellationToken);
        if (_smtp.Username is { } username)
        {
            await client.AuthenticateAsync(username, _password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// Builds each configured channel, taking its secrets from the environment at send time: the scope file names the
/// variables, and a value read here is passed to the channel and nowhere else (not stored, logged or printed).
/// </summary>
public sealed class NotificationChannels(Func<string, string?> environment, HttpPoster poster, TimeProvider time, NotificationOptions options)
{
    /// <summary>The channel, or why it cannot be built (a variable not set, a URL that may not be called).</summary>
    public (INotificationChannel? Channel, string? Error) Create(NotificationChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Type)
        {
            case ChannelType.Webhook or ChannelType.Slack:
                var url = settings.Url ?? Variable(settings.UrlEnv!);
                if (url is null)
                {
                    return (null, $"the environment variable {settings.UrlEnv} (urlEnv) is not set");
                }

                // A URL from the environment is a secret: the error does not repeat it.
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    return (null, settings.UrlEnv is null ? $"'{url}' is not an http:// or https:// URL" : $"the environment variable {settings.UrlEnv} (urlEnv) does not hold an http:// or https:// URL");
                }

                if (HttpPoster.Refuse(uri) is { } refused)
                {
                    return (null, refused);
                }

                if (settings.Type == ChannelType.Slack)
                {
                    return (new SlackChannel(poster, uri), null);
                }

                var secret = Variable(settings.SecretEnv!);
                return secret is null
                    ? (null, $"the environment variable {settings.SecretEnv} (secretEnv) is not set")
                    : (new WebhookChannel(poster, uri, System.Text.Encoding.UTF8.GetBytes(secret), time), null);
            case ChannelType.Email:
                var smtp = settings.Smtp!;
                var password = smtp.PasswordEnv is { } name ? Variable(name) : null;
                return smtp.PasswordEnv is not null && password is null
                    ? (null, $"the environment variable {smtp.PasswordEnv} (smtp.passwordEnv) is not set")
                    : (new EmailChannel(smtp, password, options), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Type, "not a channel type");
        }
    }

    private string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;
}

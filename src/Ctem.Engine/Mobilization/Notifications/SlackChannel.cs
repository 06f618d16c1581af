namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): <see cref="SlackPayload"/>, unsigned; its URL is the secret.</summary>
public sealed class SlackChannel(HttpPoster poster, Uri url) : INotificationChannel
{
    public Task<Delivery> SendAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken) =>
        poster.PostJsonAsync(url, SlackPayload.Body(events), [], cancellationToken);
}

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>A generic webhook: the JSON of <see cref="WebhookPayload"/>, signed with the channel's secret.</summary>
public sealed class WebhookChannel(HttpPoster poster, Uri url, byte[] secret, TimeProvider time) : INotificationChannel
{
    public Task<Delivery> SendAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        var body = WebhookPayload.Body(events, sentAt);
        return poster.PostJsonAsync(
            url,
            body,
            [
                (WebhookPayload.SignatureHeader, WebhookPayload.Signature(secret, body)),
                (WebhookPayload.TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            cancellationToken);
    }
}

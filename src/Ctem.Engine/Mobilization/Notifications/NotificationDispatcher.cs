using Ctem.Core.Scoping;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>What happened on one channel: the events it had not been sent, how many of them it accepted, how many it already had, and the failure if any.</summary>
public sealed record ChannelDelivery(string Channel, ChannelType Type, IReadOnlyList<NotificationEvent> Pending, int Sent, int AlreadySent, string? Error)
{
    public bool Failed => Error is not null;
}

/// <summary>One evaluation: when, whether anything was really sent, and each channel's delivery.</summary>
public sealed record NotificationRun(DateTimeOffset AsOf, bool DryRun, IReadOnlyList<ChannelDelivery> Channels)
{
    public bool AnyFailed => Channels.Any(c => c.Failed);
}

/// <summary>
/// Sends each channel the events it takes and has not been sent, in messages of at most <see cref="MaxEventsPerMessage"/>
/// events, and records a message's events in the store only once the channel accepted it: a failure is retried by the
/// next run, a success never repeated. A dry run reads what has been sent and writes nothing.
/// </summary>
public sealed class NotificationDispatcher(ICtemStore store, NotificationChannels channels)
{
    /// <summary>Keeps a message readable and within Slack's 50 blocks.</summary>
    public const int MaxEventsPerMessage = 40;

    public async Task<ChannelDelivery> DispatchAsync(
        NotificationChannelSettings settings, IReadOnlyList<NotificationEvent> events, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var routed = NotificationRouter.For(settings, events);
        var sent = routed.Count == 0 ? new HashSet<string>() : await store.GetSentNotificationsAsync(settings.Name, [.. routed.Select(e => e.Key)], cancellationToken);
        var pending = routed.Where(e => !sent.Contains(e.Key)).ToList();
        var already = routed.Count - pending.Count;
        if (dryRun || pending.Count == 0)
        {
            return new ChannelDelivery(settings.Name, settings.Type, pending, 0, already, null);
        }

        var (channel, error) = channels.Create(settings);
        if (channel is null)
        {
            return new ChannelDelivery(settings.Name, settings.Type, pending, 0, already, error);
        }

        var delivered = 0;
        foreach (var message in pending.Chunk(MaxEventsPerMessage))
        {
            var delivery = await channel.SendAsync(message, cancellationToken);
            if (!delivery.Succeeded)
            {
                return new ChannelDelivery(settings.Name, settings.Type, pending, delivered, already, delivery.Error);
            }

            await store.RecordNotificationsSentAsync(settings.Name, [.. message.Select(e => e.Key)], now, cancellationToken);
            delivered += message.Length;
        }

        return new ChannelDelivery(settings.Name, settings.Type, pending, delivered, already, null);
    }
}

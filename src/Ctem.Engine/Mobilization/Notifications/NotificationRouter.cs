using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>Which events a channel takes: of a kind in its <c>on:</c>, at or above its <c>minPriority</c>, of its products and owners (when it names any).</summary>
public static class NotificationRouter
{
    public static IReadOnlyList<NotificationEvent> For(NotificationChannelSettings channel, IEnumerable<NotificationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return [.. events.Where(e => Takes(channel, e))];
    }

    public static bool Takes(NotificationChannelSettings channel, NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(e);
        return channel.On.Contains(e.Kind)
            && e.Priority >= channel.MinPriority
            && (channel.Products.Count == 0 || channel.Products.Contains(e.Finding.Product, StringComparer.Ordinal))
            && (channel.Owners.Count == 0 || (e.Finding.Owner is { } owner && channel.Owners.Contains(owner, StringComparer.Ordinal)));
    }
}

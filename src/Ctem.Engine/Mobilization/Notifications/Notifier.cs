using Ctem.Core.Scoping;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// The Mobilization stage's messenger: reads the current state (of one product, or all), detects the events, and has
/// every configured channel sent what it takes and has not had. Run by <c>ctem notify</c> and at the end of scan,
/// ingest, db update and db import.
/// </summary>
public sealed class Notifier(ICtemStore store, IAcceptanceSource acceptances, NotificationChannels channels, TimeProvider time)
{
    public async Task<NotificationRun> RunAsync(NotificationSettings settings, string? product, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = time.GetUtcNow();
        if (!settings.Configured)
        {
            return new NotificationRun(now, dryRun, []);
        }

        var facts = await NotificationFactsReader.ReadAsync(store, acceptances, product, now, settings.DueSoonDays, cancellationToken);
        var events = EventDetector.Detect(facts);
        var dispatcher = new NotificationDispatcher(store, channels);
        var deliveries = new List<ChannelDelivery>(settings.Channels.Count);
        foreach (var channel in settings.Channels)
        {
            deliveries.Add(await dispatcher.DispatchAsync(channel, events, now, dryRun, cancellationToken));
        }

        return new NotificationRun(now, dryRun, deliveries);
    }
}

using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordNotificationsSentAsync_SentKeys_AreRememberedPerChannel()
    {
        var store = await OpenStoreAsync();
        string[] keys = ["new-finding:1:10", "kev:1:CVE-2021-44228", "sla-breached:2:2026-01-08"];

        var before = await store.GetSentNotificationsAsync("hook", keys, Ct);
        await store.RecordNotificationsSentAsync("hook", keys[..2], StoreData.T0, Ct);
        var hook = await store.GetSentNotificationsAsync("hook", keys, Ct);
        var slack = await store.GetSentNotificationsAsync("slack", keys, Ct);

        Assert.Empty(before);
        Assert.Equal(keys[..2].Order(StringComparer.Ordinal), hook.Order(StringComparer.Ordinal));
        Assert.Empty(slack);
    }

    [SkippableFact]
    public async Task RecordNotificationsSentAsync_SameKeyTwice_KeepsTheFirstTime()
    {
        var store = await OpenStoreAsync();

        await store.RecordNotificationsSentAsync("hook", ["kev:1:CVE-1", "kev:1:CVE-1"], StoreData.T0, Ct);
        await store.RecordNotificationsSentAsync("hook", ["kev:1:CVE-1"], StoreData.T0.AddDays(1), Ct);

        var times = await QueryAsync<string>(store, "SELECT CAST(sent_at AS TEXT) FROM notifications_sent");
        var time = Assert.Single(times);
        Assert.StartsWith(StoreData.T0.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), time, StringComparison.Ordinal);
    }
}

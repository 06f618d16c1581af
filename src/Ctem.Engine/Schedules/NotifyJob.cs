using Ctem.Core.Scoping;

namespace Ctem.Engine.Schedules;

/// <summary><c>ctem notify</c> on a schedule, and the notifications that follow a scheduled update or re-scan as they follow the commands.</summary>
internal static class NotifyJob
{
    public static async Task<ScheduledJobOutcome> RunAsync(ScheduledJobServices services, ScopeDocument scope, CancellationToken cancellationToken)
    {
        var run = await services.Notifier.RunAsync(scope.Notifications, null, dryRun: false, cancellationToken);
        return new ScheduledJobOutcome(!run.AnyFailed, Describe(run));
    }

    /// <summary>Like the commands' notifications: nothing without channels; a failed channel is said, and sent next time.</summary>
    public static async Task<string?> AfterAsync(ScheduledJobServices services, ScopeDocument scope, string? product, CancellationToken cancellationToken)
    {
        if (!scope.Notifications.Configured)
        {
            return null;
        }

        return Describe(await services.Notifier.RunAsync(scope.Notifications, product, dryRun: false, cancellationToken));
    }

    private static string Describe(Mobilization.Notifications.NotificationRun run) =>
        run.Channels.Count == 0
            ? "no channel to notify"
            : string.Join(", ", run.Channels.Select(c => c.Failed ? $"{c.Channel}: FAILED: {c.Error}" : $"{c.Channel}: {c.Sent} sent"));
}

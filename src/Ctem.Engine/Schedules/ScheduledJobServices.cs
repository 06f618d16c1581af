using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Mobilization.Notifications;

namespace Ctem.Engine.Schedules;

/// <summary>
/// What the scheduled jobs run with: the same Engine services the CLI commands are built from (<c>CliContext</c> in the
/// CLI, the server's <c>EngineServices</c>), over one store.
/// </summary>
public sealed record ScheduledJobServices(
    ICtemStore Store,
    KnowledgeImporter Importer,
    ScanRunner Scanner,
    Reanalyzer Reanalyzer,
    Notifier Notifier,
    HttpClient Http,
    TimeProvider Time,
    Func<string, string?> Environment)
{
    /// <summary>The first retry back-off of downloads (doubled at each retry).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The rolling window of NVD's rate limit.</summary>
    public TimeSpan NvdRateWindow { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>How a scheduled job ended, in a line for <c>job_runs.message</c> and the server's log.</summary>
public sealed record ScheduledJobOutcome(bool Succeeded, string Message);

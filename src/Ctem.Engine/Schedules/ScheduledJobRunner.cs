using Ctem.Core.Scoping;

namespace Ctem.Engine.Schedules;

/// <summary>Runs one schedule of the scope file: the job behind each kind, as the CLI command of the same name does it.</summary>
public sealed class ScheduledJobRunner(ScheduledJobServices services)
{
    public Task<ScheduledJobOutcome> RunAsync(Schedule schedule, ScopeDocument scope, CancellationToken cancellationToken) => schedule switch
    {
        ScheduledDbUpdate update => new DbUpdateJob(services).RunAsync(update, scope, cancellationToken),
        ScheduledRescan rescan => new RescanJob(services).RunAsync(rescan, scope, cancellationToken),
        ScheduledNotify => NotifyJob.RunAsync(services, scope, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule.GetType().Name, "no job runs this kind of schedule"),
    };
}

using Ctem.Core.Scoping;
using Quartz;

namespace Ctem.Server.Schedules;

/// <summary>
/// Puts the scope file's schedules into the job store when the server starts, before the scheduler runs. A job stored
/// with the same definition is kept as it is, so a second node starting does not move the first one's fire times; a
/// changed one is replaced, and a job of ours that the file no longer names is deleted.
/// </summary>
internal sealed partial class ScheduleRegistrar(ISchedulerFactory factory, ScopeDocument scope, TimeProvider time, ILogger<ScheduleRegistrar> logger) : IHostedService
{
    public const string Group = "ctem";
    private const string DefinitionKey = "definition";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in scope.Schedules.All)
        {
            var cron = new CronExpression(schedule.Cron.Expression, TimeZoneInfo.FindSystemTimeZoneById(schedule.Cron.TimeZone));
            if (cron.GetNextValidTimeAfter(time.GetUtcNow()) is null)
            {
                LogNeverFires(logger, schedule.Key, schedule.Cron.Expression);
                continue;
            }

            wanted.Add(schedule.Key);
            var jobKey = new JobKey(schedule.Key, Group);
            if (await scheduler.GetJobDetail(jobKey, cancellationToken) is { } stored
                && stored.JobDataMap.TryGetValue(DefinitionKey, out var definition) && Equals(definition, schedule.Definition))
            {
                continue;
            }

            var job = JobBuilder.Create<ScheduledJob>()
                .WithIdentity(jobKey)
                .WithDescription(schedule.Definition)
                .RequestRecovery(true)
                .DisallowConcurrentExecution(true)
                .UsingJobData(DefinitionKey, schedule.Definition)
                .Build();

            // A fire time missed while no node ran is skipped, not caught up: the next one comes soon enough.
            var trigger = TriggerBuilder.Create<ScheduledJob>(time)
                .WithIdentity(schedule.Key, Group)
                .ForJob(jobKey)
                .WithSchedule(CronScheduleBuilder.Create(cron).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .StartNow()
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            LogScheduled(logger, schedule.Key, schedule.Cron.Expression, schedule.Cron.TimeZone);
        }

        var stale = (await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group), Take = JobQuery.All }, cancellationToken)).Items
            .Select(j => j.Key).Where(k => !wanted.Contains(k.Name)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.DeleteJobs(stale, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "schedule {Job}: '{Cron}' in {TimeZone}")]
    private static partial void LogScheduled(ILogger logger, string job, string cron, string timeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "schedule {Job}: '{Cron}' has no fire time after now; not scheduled")]
    private static partial void LogNeverFires(ILogger logger, string job, string cron);
}

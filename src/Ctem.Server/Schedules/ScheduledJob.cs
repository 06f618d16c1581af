using System.Globalization;
using Ctem.Core.Scoping;
using JobRunStatus = Ctem.Core.Stores.JobRunStatus;
using Ctem.Engine.Schedules;
using Ctem.Server.Hosting;
using Quartz;

namespace Ctem.Server.Schedules;

/// <summary>
/// Quartz's side of one schedule of the scope file: records the execution in <c>job_runs</c> (which node, which fire
/// time, whether it recovers a dead node's), runs the Engine's job and records how it ended. One execution of a job at a
/// time across all nodes; a node killed mid-job leaves its run 'running', and another node runs it again, recovering.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ScheduledJob(EngineServices engine, ScheduleNode node, ScopeDocument scope, ILogger<ScheduledJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key.Name;
        var scheduledFor = ScheduledFor(context);
        var store = engine.Store;

        // Quartz can fire again a fire time that a node took just before it died; the recovery run re-runs that one,
        // so a second ordinary run would run it twice. One execution of this job at a time makes the check safe.
        if (!context.Recovering && (await store.JobRuns.ListJobRunsAsync(key, cancellationToken)).Any(r => r.ScheduledFor == scheduledFor))
        {
            LogAlreadyTaken(logger, key, scheduledFor);
            return;
        }

        var runId = await store.JobRuns.StartJobRunAsync(key, node.Id, scheduledFor, context.Recovering, engine.Time.GetUtcNow(), cancellationToken);
        LogStarted(logger, key, scheduledFor, context.Recovering);
        ScheduledJobOutcome outcome;
        if (scope.Schedules.Find(key) is not { } schedule)
        {
            // Another node stored it from a scope file this node was not given.
            outcome = new ScheduledJobOutcome(false, $"this node's scope file has no schedule '{key}'");
        }
        else
        {
            try
            {
                outcome = await engine.Jobs.RunAsync(schedule, scope, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await store.JobRuns.FinishJobRunAsync(runId, JobRunStatus.Failed, "stopped with the server before it finished", engine.Time.GetUtcNow(), CancellationToken.None);
                throw;
            }
            catch (Exception e) when (e is Storage.CtemStoreException or IOException or HttpRequestException)
            {
                // The database or the disk failed under the job: said, recorded, and tried again at the next fire time.
                outcome = new ScheduledJobOutcome(false, e.Message);
            }
        }

        await store.JobRuns.FinishJobRunAsync(runId, outcome.Succeeded ? JobRunStatus.Succeeded : JobRunStatus.Failed, outcome.Message, engine.Time.GetUtcNow(), cancellationToken);
        LogFinished(logger, key, outcome.Succeeded ? "succeeded" : "failed", outcome.Message);
    }

    /// <summary>The fire time this execution is for; a recovery is for the fire time of the execution it re-runs.</summary>
    private static DateTimeOffset ScheduledFor(IJobExecutionContext context)
    {
        if (context.Recovering
            && context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            && Parse(original) is { } recovered)
        {
            return recovered;
        }

        return context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
    }

    private static DateTimeOffset? Parse(object? value) => value switch
    {
        DateTimeOffset time => time,
        string text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled job {Job} for {ScheduledFor:O} skipped: another node already took that fire time")]
    private static partial void LogAlreadyTaken(ILogger logger, string job, DateTimeOffset scheduledFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled job {Job} for {ScheduledFor:O} started (recovering: {Recovering})")]
    private static partial void LogStarted(ILogger logger, string job, DateTimeOffset scheduledFor, bool recovering);

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled job {Job} {Status}: {Message}")]
    private static partial void LogFinished(ILogger logger, string job, string status, string message);
}

namespace Ctem.Core.Stores;

public enum JobRunStatus
{
    /// <summary>Started and not finished: still running, or its node died (another node then re-runs it, recovering).</summary>
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One execution of a scheduled job, on one node. <see cref="ScheduledFor"/> is the trigger's fire time (for a
/// recovery, the fire time of the execution it re-runs), so "once per fire time across nodes" can be checked.
/// </summary>
public sealed record JobRun(
    long Id,
    string Job,
    string Node,
    DateTimeOffset ScheduledFor,
    bool Recovering,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JobRunStatus Status,
    string? Message);

/// <summary>The record of scheduled job executions that <c>ctem serve</c> keeps (migration 0024), on every node alike.</summary>
public interface IJobRunStore
{
    /// <summary>Records that <paramref name="node"/> started <paramref name="job"/>; returns the run's id.</summary>
    Task<long> StartJobRunAsync(string job, string node, DateTimeOffset scheduledFor, bool recovering, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Records how a started run ended; <paramref name="message"/> says what it did or why it failed.</summary>
    Task FinishJobRunAsync(long id, JobRunStatus status, string? message, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>The runs of <paramref name="job"/> (every job when null), oldest first.</summary>
    Task<IReadOnlyList<JobRun>> ListJobRunsAsync(string? job, CancellationToken cancellationToken);
}

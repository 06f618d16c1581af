using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>The executions of scheduled jobs (migration 0024). Each call opens its own connection, as the store's others do.</summary>
internal sealed class JobRunQueries(Func<CancellationToken, Task<DbConnection>> open) : IJobRunStore
{
    private const string Columns =
        "id AS Id, job AS Job, node AS Node, scheduled_for AS ScheduledFor, recovering AS Recovering, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status, message AS Message";

    public async Task<long> StartJobRunAsync(string job, string node, DateTimeOffset scheduledFor, bool recovering, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        await using var connection = await open(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO job_runs (job, node, scheduled_for, recovering, started_at, status) VALUES (@Job, @Node, @ScheduledFor, @Recovering, @StartedAt, 'running') RETURNING id",
            new { Job = job, Node = node, ScheduledFor = scheduledFor, Recovering = recovering, StartedAt = startedAt }, cancellationToken: cancellationToken));
    }

    public async Task FinishJobRunAsync(long id, JobRunStatus status, string? message, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        if (status == JobRunStatus.Running)
        {
            throw new ArgumentException("a run finishes as succeeded or failed", nameof(status));
        }

        await using var connection = await open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_runs SET status = @Status, message = @Message, finished_at = @FinishedAt WHERE id = @Id",
            new { Id = id, Status = StatusName(status), Message = message, FinishedAt = finishedAt }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<JobRun>> ListJobRunsAsync(string? job, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM job_runs WHERE @Job IS NULL OR job = @Job ORDER BY id", new { Job = job }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRun()).ToList();
    }

    private static string StatusName(JobRunStatus status) => status.ToString().ToLowerInvariant();

    private sealed class Row
    {
        public long Id { get; set; }

        public string Job { get; set; } = string.Empty;

        public string Node { get; set; } = string.Empty;

        public DateTimeOffset ScheduledFor { get; set; }

        public bool Recovering { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? Message { get; set; }

        public JobRun ToRun() => new(Id, Job, Node, ScheduledFor, Recovering, StartedAt, FinishedAt, Enum.Parse<JobRunStatus>(Status, ignoreCase: true), Message);
    }
}

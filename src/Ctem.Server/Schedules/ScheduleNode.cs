namespace Ctem.Server.Schedules;

/// <summary>
/// This process as a node of the scheduler: its id is Quartz's instance id and <c>job_runs.node</c>. Host name and
/// process id say where it runs; the random part keeps a restarted process (same pid in a container) a new node.
/// </summary>
internal sealed record ScheduleNode(string Id)
{
    public static ScheduleNode ForThisProcess() =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
}

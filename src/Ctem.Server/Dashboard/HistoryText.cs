using Ctem.Core.Stores;

namespace Ctem.Server.Dashboard;

/// <summary>The rest of a history entry's sentence after its kind: the priority, the VEX state, who and why.</summary>
public static class HistoryText
{
    public static string Of(FindingEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            FindingEventKind.Priority => $": {item.PreviousPriority ?? "unassessed"} → {item.Priority}",
            FindingEventKind.Vex => $": {item.VexState ?? "no statement applies"}{(item.VexStatementId is { } id ? $" (statement {id})" : "")}",
            FindingEventKind.Assigned => $" by {item.Actor}: {item.From ?? "no owner"} → {item.To}",
            FindingEventKind.Accepted => $" by {item.Actor} until {item.To}: {item.Reason}",
            FindingEventKind.Validation => $": {item.To} ({item.Reason})",
            _ => item.Priority is { } priority ? $" ({priority})" : "",
        } + (item.RunId is { } run ? $", run {run}" : "");
    }
}

using Ctem.Core.Stores;

namespace Ctem.Storage;

/// <summary>The words stored in <c>findings.status</c> and <c>finding_events.kind</c>.</summary>
internal static class FindingStates
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string Opened = "opened";
    public const string Reopened = "reopened";
    public const string Priority = "priority";
    public const string Vex = "vex";
    public const string Assigned = "assigned";
    public const string Accepted = "accepted";
    public const string AcceptanceExpired = "acceptance-expired";
    public const string Validation = "validation";

    public static FindingEventKind KindOf(string kind) => kind switch
    {
        Opened => FindingEventKind.Opened,
        Resolved => FindingEventKind.Resolved,
        Reopened => FindingEventKind.Reopened,
        Priority => FindingEventKind.Priority,
        Vex => FindingEventKind.Vex,
        Assigned => FindingEventKind.Assigned,
        Accepted => FindingEventKind.Accepted,
        AcceptanceExpired => FindingEventKind.AcceptanceExpired,
        Validation => FindingEventKind.Validation,
        _ => throw new InvalidOperationException($"unknown finding event kind '{kind}' in the database"),
    };
}

/// <summary>The words stored in <c>runs.kind</c>.</summary>
internal static class RunKinds
{
    public static string Name(RunKind kind) => kind switch
    {
        RunKind.Scan => "scan",
        RunKind.Ingest => "ingest",
        RunKind.Reanalysis => "reanalysis",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static RunKind Of(string name) => name switch
    {
        "scan" => RunKind.Scan,
        "ingest" => RunKind.Ingest,
        "reanalysis" => RunKind.Reanalysis,
        _ => throw new InvalidOperationException($"unknown run kind '{name}' in the database"),
    };
}

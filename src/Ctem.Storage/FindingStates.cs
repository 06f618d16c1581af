namespace Ctem.Storage;

/// <summary>The words stored in <c>findings.status</c> and <c>finding_events.kind</c>.</summary>
internal static class FindingStates
{
    public const string Resolved = "resolved";
    public const string Opened = "opened";
    public const string Reopened = "reopened";
}

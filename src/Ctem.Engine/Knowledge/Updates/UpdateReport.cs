using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Knowledge.Updates;

public enum DownloadStatus
{
    Unspecified = 0,
    Downloaded,

    /// <summary>The server answered 304: what is stored is current.</summary>
    NotModified,
    Failed,
}

public sealed record SourceOutcome(string Name, Uri Url, DownloadStatus Status, long Bytes, string? Message);

/// <summary>What one <c>ctem db update</c> did per source, and the import of what it downloaded (null when nothing was).</summary>
public sealed record UpdateReport(IReadOnlyList<SourceOutcome> Sources, ImportReport? Import)
{
    public bool AnyFailed => Sources.Any(s => s.Status == DownloadStatus.Failed);
}

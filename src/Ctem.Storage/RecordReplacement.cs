using Ctem.Core.Stores;

namespace Ctem.Storage;

/// <summary>
/// The one rule for replacing a stored record (an advisory, a CVE record) by an incoming one of the same id: a newer
/// modification time replaces it, an older one is ignored, and the same time with other content replaces it too —
/// some sources (the Go vulndb repository) publish a placeholder time.
/// </summary>
internal static class RecordReplacement
{
    public static UpsertOutcome Decide(DateTimeOffset? storedModified, string? storedDigest, DateTimeOffset incomingModified, string incomingDigest) => storedModified switch
    {
        null => UpsertOutcome.Inserted,
        { } stored when stored < incomingModified => UpsertOutcome.Updated,
        { } stored when stored > incomingModified => UpsertOutcome.Older,
        _ when storedDigest != incomingDigest => UpsertOutcome.Updated,
        _ => UpsertOutcome.Unchanged,
    };
}

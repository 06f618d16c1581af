using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Engine.Knowledge;

/// <summary>
/// One input document after parsing, handed from the parse stage to the store stage of an import: an advisory, a feed
/// snapshot (with the digest of its bytes), or the diagnostics of a document that could not be used.
/// </summary>
internal sealed record ParsedDocument(
    Advisory? Advisory,
    KnowledgeFeed? Feed,
    string? FeedDigest,
    IReadOnlyList<Diagnostic> Diagnostics,
    bool IsAdvisoryDocument,
    bool Fatal = false)
{
    /// <summary>The CVE records of a CVE JSON 5 document or an NVD page; null for other documents.</summary>
    public IReadOnlyList<CveRecord>? CveRecords { get; init; }
}

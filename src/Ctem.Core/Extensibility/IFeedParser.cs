using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>Result of reading a feed file: the snapshot, or why it was rejected, plus row-level warnings.</summary>
public sealed record FeedResult(KnowledgeFeed? Feed, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static FeedResult Failed(Diagnostic error) => new(null, [error]);
}

/// <summary>Reads a whole-snapshot feed (CISA KEV, FIRST EPSS). Never throws for bad input.</summary>
public interface IFeedParser : IPlugin
{
    /// <summary>Decides on the file name and the first bytes (decompressed, for .gz files).</summary>
    bool CanParse(string path, ReadOnlySpan<byte> head);

    FeedResult Parse(string path, ReadOnlySpan<byte> content);
}

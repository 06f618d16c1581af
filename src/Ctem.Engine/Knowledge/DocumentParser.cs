using System.Security.Cryptography;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Versioning;
using Ctem.Engine.Inputs;

namespace Ctem.Engine.Knowledge;

/// <summary>The parse stage of an import: picks the parser for each document (feeds first: they decide on content) and runs it.</summary>
/// <param name="maxParsedVersions">How many parsed version texts are kept before they are forgotten and parsed again.</param>
internal sealed class DocumentParser(
    IReadOnlyList<IAdvisoryParser> parsers,
    IReadOnlyList<IFeedParser> feedParsers,
    IReadOnlyList<ICveRecordParser> cveParsers,
    VersionSchemeRegistry schemes,
    int maxParsedVersions = 100_000)
{
    // Version texts parsed once per import: the listed versions of one package repeat from record to record. Bounded,
    // so that an import of every ecosystem does not keep every version it ever read.
    private readonly Dictionary<IVersionScheme, Dictionary<string, ISchemeVersion?>> _parsedVersions = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A parser that throws has a bug, but one bad plugin must not sink a whole import: the document is rejected with
    /// the plugin named, and the rest goes on.
    /// </summary>
    public ParsedDocument Parse(InputItem item)
    {
        try
        {
            return ParseUnguarded(item);
        }
#pragma warning disable CA1031 // Isolation of plugins: reported as a rejection of this document, not swallowed.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new ParsedDocument(null, null, null,
                [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"the parser failed on this document ({ex.GetType().Name}: {ex.Message}); please report it")],
                IsAdvisoryDocument: true);
        }
    }

    private ParsedDocument ParseUnguarded(InputItem item)
    {
        if (item.Error is not null)
        {
            return new ParsedDocument(null, null, null, [item.Error], IsAdvisoryDocument: false, item.Fatal);
        }

        var content = item.Content!;
        if (FindFeedParser(item.Path, content) is { } feedParser)
        {
            var feed = feedParser.Parse(item.Path, content);
            var digest = feed.Feed is null ? null : Convert.ToHexStringLower(SHA256.HashData(content));
            return new ParsedDocument(null, feed.Feed, digest, feed.Diagnostics, IsAdvisoryDocument: false);
        }

        // CVE records put their marker keys anywhere (cvelistV5 writes "dataType" after the containers): the whole
        // document is searched, a byte scan that costs little beside parsing it.
        foreach (var cveParser in cveParsers)
        {
            if (cveParser.CanParse(item.Path, content))
            {
                var read = cveParser.Parse(item.Path, content);
                return new ParsedDocument(null, null, null, read.Diagnostics, IsAdvisoryDocument: true) { CveRecords = read.Records };
            }
        }

        var parser = parsers.FirstOrDefault(p => p.CanParse(item.Path, content));
        if (parser is null)
        {
            return new ParsedDocument(null, null, null, [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, "no advisory parser reads this file")], IsAdvisoryDocument: true);
        }

        var result = parser.Parse(item.Path, content);
        if (_parsedVersions.Values.Sum(parsed => parsed.Count) > maxParsedVersions)
        {
            _parsedVersions.Clear();
        }

        var advisory = result.Advisory is null ? null : ListedVersionReducer.Reduce(result.Advisory, schemes, _parsedVersions);
        return new ParsedDocument(advisory, null, null, result.Rejection is null ? [] : [result.Rejection], IsAdvisoryDocument: true);
    }

    private IFeedParser? FindFeedParser(string path, byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 4096));
        foreach (var parser in feedParsers)
        {
            if (parser.CanParse(path, head))
            {
                return parser;
            }
        }

        return null;
    }
}

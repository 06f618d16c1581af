using System.Security.Cryptography;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Stores;
using Ctem.Engine.Inputs;

namespace Ctem.Engine.Knowledge;

/// <summary>
/// Imports advisories from files, directories and osv.dev-style zip exports in one transaction: a corrupt archive or
/// a cancellation leaves the knowledge base as it was. Records a parser rejects are reported and skipped.
/// </summary>
public sealed class KnowledgeImporter(
    ICtemStore store,
    IReadOnlyList<IAdvisoryParser> parsers,
    IReadOnlyList<IFeedParser> feedParsers,
    InputReader reader)
{
    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> paths, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var missing = InputReader.CheckExist(paths);
        if (missing.Count > 0)
        {
            return Failed(missing);
        }

        var counts = new Counts();
        var rejected = new List<Diagnostic>();
        var feeds = new List<FeedImport>();
        var documents = 0;
        await using var import = await store.BeginKnowledgeImportAsync(cancellationToken);
        foreach (var path in paths)
        {
            foreach (var item in reader.Read(path, IsAdvisoryFile))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(++documents);
                if (item.Error is not null)
                {
                    if (item.Fatal)
                    {
                        return Failed([item.Error]);
                    }

                    rejected.Add(item.Error);
                    continue;
                }

                if (FindFeedParser(item.Path, item.Content!) is { } feedParser)
                {
                    var feed = feedParser.Parse(item.Path, item.Content);
                    rejected.AddRange(feed.Diagnostics);
                    if (feed.Feed is not null)
                    {
                        var digest = Convert.ToHexStringLower(SHA256.HashData(item.Content!));
                        var replaced = await import.ReplaceFeedAsync(feed.Feed, digest, cancellationToken);
                        feeds.Add(new FeedImport(feed.Feed.Source, feed.Feed.Version, feed.Feed.PublishedAt, feed.Feed.Count, replaced));
                    }

                    continue;
                }

                counts.Read++;
                var parser = parsers.FirstOrDefault(p => p.CanParse(item.Path, item.Content));
                if (parser is null)
                {
                    rejected.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, "no advisory parser reads this file"));
                    continue;
                }

                var result = parser.Parse(item.Path, item.Content);
                if (result.Advisory is null)
                {
                    rejected.Add(result.Rejection!);
                    continue;
                }

                var outcome = await import.UpsertAsync(result.Advisory, cancellationToken);
                counts.Add(outcome, result.Advisory.Withdrawn is not null);
            }
        }

        await import.CommitAsync(cancellationToken);
        return new ImportReport(
            rejected.Count == 0 ? OperationStatus.Succeeded : OperationStatus.Partial,
            counts.Read, counts.Imported, counts.Updated, counts.Unchanged, counts.Older, counts.Withdrawn, rejected)
        {
            Feeds = feeds,
        };
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

    private static bool IsAdvisoryFile(string path) =>
        KnownExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] KnownExtensions = [".json", ".yaml", ".yml", ".csv", ".csv.gz"];

    private static ImportReport Failed(IReadOnlyList<Diagnostic> errors) => new(OperationStatus.Failed, 0, 0, 0, 0, 0, 0, errors);

    private sealed class Counts
    {
        public int Read { get; set; }

        public int Imported { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public int Older { get; private set; }

        public int Withdrawn { get; private set; }

        public void Add(UpsertOutcome outcome, bool withdrawn)
        {
            switch (outcome)
            {
                case UpsertOutcome.Inserted: Imported++; break;
                case UpsertOutcome.Updated: Updated++; break;
                case UpsertOutcome.Unchanged: Unchanged++; break;
                case UpsertOutcome.Older: Older++; break;
            }

            if (withdrawn && outcome is UpsertOutcome.Inserted or UpsertOutcome.Updated)
            {
                Withdrawn++;
            }
        }
    }
}

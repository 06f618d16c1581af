using System.Threading.Channels;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Engine.Inputs;

namespace Ctem.Engine.Knowledge;

/// <summary>
/// Imports advisories from files, directories and osv.dev-style zip exports in one transaction: a corrupt archive or
/// a cancellation leaves the knowledge base as it was. Records a parser rejects are reported and skipped; when nothing
/// but rejections is left (or nothing was found), the import fails, as a scan of no components does.
/// </summary>
public sealed class KnowledgeImporter(
    ICtemStore store,
    IReadOnlyList<IAdvisoryParser> parsers,
    IReadOnlyList<IFeedParser> feedParsers,
    IReadOnlyList<ICveRecordParser> cveParsers,
    VersionSchemeRegistry schemes,
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
        var cveCounts = new Counts();
        var rejected = new List<Diagnostic>();
        var feeds = new List<FeedImport>();
        var documents = 0;
        var accepted = 0;
        await using var import = await store.BeginKnowledgeImportAsync(cancellationToken);

        // Parsing (CPU) and storing (database) overlap: one stage per core, joined by a bounded channel that keeps
        // the documents in order, so a later record with the same id still wins.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<ParsedDocument>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var parsing = Task.Run(() => ParseAllAsync(paths, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var document in channel.Reader.ReadAllAsync(cancellationToken))
            {
                progress?.Report(++documents);
                if (document.Fatal)
                {
                    return Failed(document.Diagnostics);
                }

                rejected.AddRange(document.Diagnostics);
                counts.Read += document.IsAdvisoryDocument && document.CveRecords is null ? 1 : 0;
                accepted += document.Feed is not null || document.Advisory is not null || document.CveRecords is { Count: > 0 } ? 1 : 0;
                if (document.Feed is { } feed)
                {
                    var replaced = await import.ReplaceFeedAsync(feed, document.FeedDigest!, cancellationToken);
                    feeds.Add(new FeedImport(feed.Source, feed.Version, feed.PublishedAt, feed.Count, replaced));
                }
                else if (document.CveRecords is { } records)
                {
                    foreach (var record in records)
                    {
                        cveCounts.Add(await import.UpsertCveRecordAsync(record, cancellationToken), withdrawn: false);
                    }
                }
                else if (document.Advisory is { } advisory)
                {
                    counts.Add(await import.UpsertAsync(advisory, cancellationToken), advisory.Withdrawn is not null);
                }
            }
        }
        finally
        {
            // Stops the parse stage when the store stage ends early (a fatal input, an error, Ctrl-C).
            await stop.CancelAsync();
            await parsing;
        }

        if (accepted == 0)
        {
            // Not a partial import (exit 5, "work stored") when there is no work: every input was rejected, or none found.
            return Failed(rejected.Any(d => d.IsError) ? rejected : [.. rejected, NothingFound(paths)]);
        }

        await import.CommitAsync(cancellationToken);
        return new ImportReport(
            rejected.Count == 0 ? OperationStatus.Succeeded : OperationStatus.Partial,
            counts.Read, counts.Imported, counts.Updated, counts.Unchanged, counts.Older, counts.Withdrawn, rejected)
        {
            Feeds = feeds,
            ChangedPackages = import.ChangedPackages.ToList(),
            CveRecords = new CveRecordImport(cveCounts.Imported + cveCounts.Updated + cveCounts.Unchanged + cveCounts.Older, cveCounts.Imported, cveCounts.Updated, cveCounts.Unchanged, cveCounts.Older),
        };
    }

    private async Task ParseAllAsync(IReadOnlyList<string> paths, ChannelWriter<ParsedDocument> writer, CancellationToken cancellationToken)
    {
        var parser = new DocumentParser(parsers, feedParsers, cveParsers, schemes);
        try
        {
            foreach (var path in paths)
            {
                foreach (var item in reader.Read(path, IsAdvisoryFile))
                {
                    await writer.WriteAsync(parser.Parse(item), cancellationToken);
                }
            }

            writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
#pragma warning disable CA1031 // Not swallowed: handed to the store stage, which rethrows it from ReadAllAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            writer.TryComplete(ex);
        }
    }

    private static bool IsAdvisoryFile(string path) =>
        KnownExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] KnownExtensions = [".json", ".yaml", ".yml", ".csv", ".csv.gz"];

    private static Diagnostic NothingFound(IReadOnlyList<string> paths) =>
        Diagnostic.Error(DiagnosticCodes.NoComponents, string.Join(", ", paths), "no advisory, CVE record, KEV catalogue or EPSS scores found");

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

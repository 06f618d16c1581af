using System.Data.Common;
using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Replaces a snapshot feed's rows whole, inside the import's transaction.</summary>
internal sealed class FeedWriter(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, TimeProvider time)
{
    private static readonly string[] KevColumns =
        ["cve_id", "vendor_project", "product", "vulnerability_name", "date_added", "due_date", "required_action", "ransomware_use"];

    private static readonly string[] EpssColumns = ["cve_id", "score", "percentile"];

    public async Task<UpsertOutcome> ReplaceAsync(KnowledgeFeed feed, string contentSha256, CancellationToken cancellationToken)
    {
        var stored = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT content_sha256 FROM feeds WHERE name = @Name", new { Name = feed.Source }, transaction, cancellationToken: cancellationToken));
        if (stored == contentSha256)
        {
            return UpsertOutcome.Unchanged;
        }

        var (table, columns, rows) = feed switch
        {
            KevCatalog kev => ("kev_entries", KevColumns, Distinct(kev.Entries, e => e.CveId).Select(KevRow)),
            EpssSnapshot epss => ("epss_scores", EpssColumns, Distinct(epss.Scores, s => s.CveId).Select(s => new object?[] { s.CveId, s.Score, s.Percentile })),
            _ => throw new ArgumentException($"no table for feed {feed.GetType().Name}", nameof(feed)),
        };

        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
        await dialect.BulkInsertAsync(connection, transaction, table, columns, rows, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO feeds (name, version, published_at, entry_count, content_sha256, imported_at)
            VALUES (@Name, @Version, @PublishedAt, @Count, @Digest, @At)
            ON CONFLICT (name) DO UPDATE SET version = excluded.version, published_at = excluded.published_at,
                entry_count = excluded.entry_count, content_sha256 = excluded.content_sha256, imported_at = excluded.imported_at
            """,
            new { Name = feed.Source, feed.Version, feed.PublishedAt, feed.Count, Digest = contentSha256, At = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        return stored is null ? UpsertOutcome.Inserted : UpsertOutcome.Updated;
    }

    // A feed that lists a CVE twice keeps its last row, rather than failing on the primary key.
    private static IEnumerable<T> Distinct<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.GroupBy(key, StringComparer.Ordinal).Select(g => g.Last());

    private static object?[] KevRow(KevEntry e) =>
    [
        e.CveId, e.VendorProject, e.Product, e.VulnerabilityName, Day(e.DateAdded), e.DueDate is { } due ? Day(due) : null,
        e.RequiredAction, e.KnownRansomwareCampaignUse,
    ];

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

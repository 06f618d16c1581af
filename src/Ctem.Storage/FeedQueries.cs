using System.Data.Common;
using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads the snapshot feeds: their status, and KEV/EPSS facts for a set of CVE ids.</summary>
internal static class FeedQueries
{
    private const int BatchSize = 500;

    public static async Task<IReadOnlyList<FeedStatusRow>> StatusAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            "SELECT name AS Name, version AS Version, published_at AS PublishedAt, entry_count AS EntryCount, imported_at AS ImportedAt FROM feeds",
            cancellationToken: cancellationToken));
        return rows.Select(r => new FeedStatusRow(r.Name, r.Version, r.PublishedAt, (int)r.EntryCount, r.ImportedAt))
            .OrderBy(r => r.Source, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<IReadOnlyDictionary<string, Exploitation>> ExploitationAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<string> cveIds, CancellationToken cancellationToken)
    {
        var feeds = (await StatusAsync(connection, cancellationToken)).ToDictionary(f => f.Source, StringComparer.Ordinal);
        var kev = new Dictionary<string, KevEntry>(StringComparer.Ordinal);
        var epss = new Dictionary<string, EpssScore>(StringComparer.Ordinal);
        foreach (var batch in cveIds.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            foreach (var row in await connection.QueryAsync<KevRow>(new CommandDefinition(
                $"""
                SELECT cve_id AS CveId, vendor_project AS VendorProject, product AS Product, vulnerability_name AS VulnerabilityName,
                    date_added AS DateAdded, due_date AS DueDate, required_action AS RequiredAction, ransomware_use AS RansomwareUse
                FROM kev_entries WHERE {dialect.InValues("cve_id", "Ids")}
                """,
                new { Ids = dialect.ListValue(batch) }, cancellationToken: cancellationToken)))
            {
                kev[row.CveId] = row.ToEntry();
            }

            foreach (var row in await connection.QueryAsync<EpssRow>(new CommandDefinition(
                $"SELECT cve_id AS CveId, score AS Score, percentile AS Percentile FROM epss_scores WHERE {dialect.InValues("cve_id", "Ids")}",
                new { Ids = dialect.ListValue(batch) }, cancellationToken: cancellationToken)))
            {
                epss[row.CveId] = new EpssScore(row.CveId, row.Score, row.Percentile);
            }
        }

        var kevVersion = feeds.GetValueOrDefault("KEV")?.Version;
        var epssDate = feeds.GetValueOrDefault("EPSS")?.PublishedAt;
        return kev.Keys.Union(epss.Keys, StringComparer.Ordinal).ToDictionary(
            id => id,
            id => new Exploitation(kev.GetValueOrDefault(id), kev.ContainsKey(id) ? kevVersion : null, epss.GetValueOrDefault(id), epss.ContainsKey(id) ? epssDate : null),
            StringComparer.Ordinal);
    }

    private sealed class FeedRow
    {
        public string Name { get; set; } = string.Empty;

        public string? Version { get; set; }

        public DateTimeOffset? PublishedAt { get; set; }

        public long EntryCount { get; set; }

        public DateTimeOffset ImportedAt { get; set; }
    }

    private sealed class KevRow
    {
        public string CveId { get; set; } = string.Empty;

        public string? VendorProject { get; set; }

        public string? Product { get; set; }

        public string? VulnerabilityName { get; set; }

        public string DateAdded { get; set; } = string.Empty;

        public string? DueDate { get; set; }

        public string? RequiredAction { get; set; }

        public string? RansomwareUse { get; set; }

        public KevEntry ToEntry() => new(
            CveId, VendorProject, Product, VulnerabilityName, Day(DateAdded), DueDate is null ? null : Day(DueDate), RequiredAction, RansomwareUse);

        private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class EpssRow
    {
        public string CveId { get; set; } = string.Empty;

        public double Score { get; set; }

        public double Percentile { get; set; }
    }
}

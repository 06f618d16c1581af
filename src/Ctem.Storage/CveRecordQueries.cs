using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads of CVE records: by CVE id (batched), and per database for <c>ctem db status</c>.</summary>
internal static class CveRecordQueries
{
    private const int BatchSize = 500;

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<CveRecord>>> ByIdAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<string> cveIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<CveRecord>>(StringComparer.Ordinal);
        foreach (var batch in cveIds.Where(id => id.StartsWith("CVE-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var rows = await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT record_json FROM cve_records WHERE {dialect.InValues("cve_id", "Ids")} ORDER BY cve_id, origin",
                new { Ids = dialect.ListValue(batch) }, cancellationToken: cancellationToken));
            foreach (var record in rows.Select(StorageJson.Deserialize<CveRecord>))
            {
                if (!found.TryGetValue(record.CveId, out var list))
                {
                    found[record.CveId] = list = [];
                }

                list.Add(record);
            }
        }

        return found.ToDictionary(f => f.Key, f => (IReadOnlyList<CveRecord>)f.Value, StringComparer.Ordinal);
    }

    /// <summary>The records whose configurations name any of the (vendor, product) pairs, each once, by CVE id and database.</summary>
    public static async Task<IReadOnlyList<CveRecord>> NamingProductsAsync(
        DbConnection connection, IReadOnlyCollection<(string Vendor, string Product)> products, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<(string, string), CveRecord>();
        foreach (var (vendor, product) in products.Select(p => (p.Vendor.ToLowerInvariant(), p.Product.ToLowerInvariant())).Distinct())
        {
            var rows = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT r.record_json FROM cve_cpe_products p JOIN cve_records r ON r.cve_id = p.cve_id AND r.origin = p.origin "
                + "WHERE p.vendor = @Vendor AND p.product = @Product",
                new { Vendor = vendor, Product = product }, cancellationToken: cancellationToken));
            foreach (var record in rows.Select(StorageJson.Deserialize<CveRecord>))
            {
                found[(record.CveId, record.Database)] = record;
            }
        }

        return [.. found.Values];
    }

    public static async Task<IReadOnlyList<CveRecordStatusRow>> StatusAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Database, long Records, DateTimeOffset? LatestModified, DateTimeOffset? LastImportedAt)>(new CommandDefinition(
            "SELECT origin, COUNT(*), MAX(modified), MAX(imported_at) FROM cve_records GROUP BY origin ORDER BY origin", cancellationToken: cancellationToken));
        return rows.Select(r => new CveRecordStatusRow(CveRecord.DatabaseName(r.Database), (int)r.Records, r.LatestModified, r.LastImportedAt)).ToList();
    }
}

using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// The CVE records of one import, inside its transaction: the same replacement rule as advisories (a newer
/// <c>modified</c>, or the same time with other content), decided against the stored versions read once, written in
/// batches: an NVD download holds a quarter of a million records.
/// </summary>
internal sealed class CveRecordWriter(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, TimeProvider time)
{
    private const int FlushEvery = 2000;
    private const int DeleteBatch = 500;

    private static readonly string[] Columns = ["cve_id", "origin", "modified", "status", "record_json", "content_sha256", "imported_at"];

    private static readonly string[] ProductColumns = ["vendor", "product", "cve_id", "origin"];

    private readonly Dictionary<(string Id, string Database), (CveRecord Record, string Json, string Digest)> _pending = [];
    private readonly HashSet<(string Id, string Database)> _replaced = [];
    private Dictionary<(string Id, string Database), (DateTimeOffset Modified, string Digest, bool InDatabase)>? _stored;

    public async Task<UpsertOutcome> UpsertAsync(CveRecord record, CancellationToken cancellationToken)
    {
        _stored ??= await LoadStoredAsync(cancellationToken);
        var key = (record.CveId, record.Database);
        var json = StorageJson.Serialize(record);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var incoming = Timestamps.Normalize(record.Modified);
        var known = _stored.TryGetValue(key, out var stored);
        var outcome = RecordReplacement.Decide(known ? stored.Modified : null, known ? stored.Digest : null, incoming, digest);
        if (outcome is UpsertOutcome.Inserted or UpsertOutcome.Updated)
        {
            if (stored.InDatabase)
            {
                _replaced.Add(key);
            }

            _stored[key] = (incoming, digest, stored.InDatabase);
            _pending[key] = (record, json, digest);
            if (_pending.Count >= FlushEvery)
            {
                await FlushAsync(cancellationToken);
            }
        }

        return outcome;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in _replaced.Chunk(DeleteBatch))
        {
            foreach (var database in batch.GroupBy(k => k.Database))
            {
                foreach (var table in (string[])["cve_records", "cve_cpe_products"])
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"DELETE FROM {table} WHERE origin = @Database AND {dialect.InValues("cve_id", "Ids")}",
                        new { Database = database.Key, Ids = dialect.ListValue(database.Select(k => k.Id).ToArray()) }, transaction, cancellationToken: cancellationToken));
                }
            }
        }

        var now = time.GetUtcNow();
        await dialect.BulkInsertAsync(connection, transaction, "cve_records", Columns, _pending.Values.Select(p => new object?[]
        {
            p.Record.CveId, p.Record.Database, Timestamps.Normalize(p.Record.Modified), p.Record.Status, p.Json, p.Digest, now,
        }), cancellationToken);
        await dialect.BulkInsertAsync(connection, transaction, "cve_cpe_products", ProductColumns, _pending.Values.SelectMany(p => NamedProducts(p.Record)), cancellationToken);
        foreach (var key in _pending.Keys)
        {
            _stored![key] = _stored[key] with { InDatabase = true };
        }

        _pending.Clear();
        _replaced.Clear();
    }

    // Vendor and product lower-cased, as lookups ask for them.
    private static IEnumerable<object?[]> NamedProducts(CveRecord record) =>
        NvdConfigurations.NamedCpes(record.CpeConfigurationsJson)
            .Select(cpe => (Vendor: cpe.Vendor.ToLowerInvariant(), Product: cpe.Product.ToLowerInvariant()))
            .Where(p => p.Vendor.Length > 0 && p.Product.Length > 0)
            .Distinct()
            .Select(p => new object?[] { p.Vendor, p.Product, record.CveId, record.Database });

    private async Task<Dictionary<(string, string), (DateTimeOffset, string, bool)>> LoadStoredAsync(CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string CveId, string Database, DateTimeOffset Modified, string Digest)>(new CommandDefinition(
            "SELECT cve_id, origin, modified, content_sha256 FROM cve_records", transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.CveId, r.Database), r => (r.Modified, r.Digest, true));
    }
}

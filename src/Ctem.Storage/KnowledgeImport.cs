using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// One advisory import on its own connection and transaction. An advisory is replaced only by a record with a newer
/// <c>modified</c> time (or the same time and other content), so importing an old snapshot never undoes a newer one.
/// Decisions are taken record by record against the stored versions, read once; the rows are written in batches
/// through the dialect's bulk path, because an osv.dev export holds tens of thousands of records.
/// </summary>
internal sealed class KnowledgeImport : IKnowledgeImport
{
    private const int FlushEvery = 2000;
    private const int DeleteBatch = 500;

    private static readonly string[] AdvisoryColumns =
    [
        "id", "source", "modified", "published", "withdrawn", "summary", "severity",
        "aliases_json", "related_json", "severity_json", "content_sha256", "imported_at", "updated_at", "exploit_refs_json", "cwes_json",
    ];

    private static readonly string[] PackageColumns = ["advisory_id", "ordinal", "ecosystem", "name", "affected_json"];
    private static readonly string[] AliasColumns = ["alias", "advisory_id"];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _time;
    private readonly FeedWriter _feeds;
    private readonly CveRecordWriter _cveRecords;
    private readonly Dictionary<string, PendingWrite> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
    private readonly HashSet<PackageKey> _changedPackages = [];
    private Dictionary<string, StoredVersion>? _stored;
    private bool _committed;
    private bool _advisoriesWritten;

    public KnowledgeImport(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, TimeProvider time)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _time = time;
        _feeds = new FeedWriter(connection, transaction, dialect, time);
        _cveRecords = new CveRecordWriter(connection, transaction, dialect, time);
    }

    public Task<UpsertOutcome> ReplaceFeedAsync(KnowledgeFeed feed, string contentSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        EnsureOpen();
        return _feeds.ReplaceAsync(feed, contentSha256, cancellationToken);
    }

    public async Task<UpsertOutcome> UpsertAsync(Advisory advisory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        EnsureOpen();
        _stored ??= await LoadStoredAsync(cancellationToken);

        var stored = _stored.GetValueOrDefault(advisory.Id);
        var incoming = Timestamps.Normalize(advisory.Modified);
        var prepared = new PreparedAdvisory(advisory);
        var digest = prepared.Digest;
        var outcome = RecordReplacement.Decide(stored?.Modified, stored?.ContentSha256, incoming, digest);

        if (outcome is UpsertOutcome.Inserted or UpsertOutcome.Updated)
        {
            var now = _time.GetUtcNow();
            if (stored is { InDatabase: true })
            {
                _replaced.Add(advisory.Id);
            }

            _stored[advisory.Id] = new StoredVersion(incoming, digest, stored?.ImportedAt ?? now, stored?.InDatabase ?? false);
            _pending[advisory.Id] = new PendingWrite(prepared, stored?.ImportedAt ?? now, now);
            if (_pending.Count >= FlushEvery)
            {
                await FlushAsync(cancellationToken);
            }
        }

        return outcome;
    }

    public IReadOnlyCollection<PackageKey> ChangedPackages => _changedPackages;

    public Task<UpsertOutcome> UpsertCveRecordAsync(CveRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureOpen();
        return _cveRecords.UpsertAsync(record, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        await FlushAsync(cancellationToken);
        await _cveRecords.FlushAsync(cancellationToken);
        if (_advisoriesWritten)
        {
            await KnowledgeQueries.RefreshSummaryAsync(_connection, _transaction, cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back: an interrupted import leaves no trace.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<Dictionary<string, StoredVersion>> LoadStoredAsync(CancellationToken cancellationToken)
    {
        // Every stored advisory, read by position: a full knowledge base holds tens of thousands.
        var stored = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        await using var reader = await _connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT id, modified, content_sha256, imported_at FROM advisories", transaction: _transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = new StoredVersion(
                Timestamps.Read(reader.GetValue(1)), reader.GetString(2), Timestamps.Read(reader.GetValue(3)), InDatabase: true);
        }

        return stored;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in _replaced.Chunk(DeleteBatch))
        {
            // A narrowed advisory may no longer name a package it named before: its findings must be re-checked too.
            var before = await _connection.QueryAsync<(string Ecosystem, string Name)>(new CommandDefinition(
                $"SELECT DISTINCT ecosystem, name FROM advisory_packages WHERE {_dialect.InValues("advisory_id", "Ids")}",
                new { Ids = _dialect.ListValue(batch) }, _transaction, cancellationToken: cancellationToken));
            _changedPackages.UnionWith(before.Select(p => new PackageKey(p.Ecosystem, p.Name)));
            foreach (var table in (string[])["advisory_aliases", "advisory_packages", "advisories"])
            {
                var column = table == "advisories" ? "id" : "advisory_id";
                await _connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM {table} WHERE {_dialect.InValues(column, "Ids")}", new { Ids = _dialect.ListValue(batch) }, _transaction, cancellationToken: cancellationToken));
            }
        }

        var writes = _pending.Values.ToList();
        _advisoriesWritten |= writes.Count > 0 || _replaced.Count > 0;
        _changedPackages.UnionWith(writes.SelectMany(w => w.Prepared.Advisory.Affected.Select(a => a.Key)));
        await _dialect.BulkInsertAsync(_connection, _transaction, "advisories", AdvisoryColumns, writes.Select(AdvisoryRow), cancellationToken);
        await _dialect.BulkInsertAsync(_connection, _transaction, "advisory_packages", PackageColumns, writes.SelectMany(PackageRows), cancellationToken);
        await _dialect.BulkInsertAsync(_connection, _transaction, "advisory_aliases", AliasColumns, writes.SelectMany(AliasRows), cancellationToken);

        // What is written is now in the database: a later record with the same id replaces these rows.
        foreach (var write in writes)
        {
            _stored![write.Prepared.Advisory.Id] = _stored[write.Prepared.Advisory.Id] with { InDatabase = true };
        }

        _pending.Clear();
        _replaced.Clear();
    }

    private static object?[] AdvisoryRow(PendingWrite write)
    {
        var (p, a) = (write.Prepared, write.Prepared.Advisory);
        return
        [
            a.Id, a.Source, Timestamps.Normalize(a.Modified), Optional(a.Published), Optional(a.Withdrawn), a.Summary, a.DatabaseSeverity,
            p.AliasesJson, p.RelatedJson, p.SeverityJson, p.Digest, write.ImportedAt, write.UpdatedAt, p.ExploitReferencesJson, p.CwesJson,
        ];
    }

    private static IEnumerable<object?[]> PackageRows(PendingWrite write) =>
        write.Prepared.Advisory.Affected.Select((affected, ordinal) => new object?[]
        {
            write.Prepared.Advisory.Id, ordinal, affected.Key.Ecosystem, affected.Key.Name, write.Prepared.AffectedJson[ordinal],
        });

    private static IEnumerable<object?[]> AliasRows(PendingWrite write) =>
        write.Prepared.Advisory.Aliases.Distinct(StringComparer.Ordinal).Select(alias => new object?[] { alias, write.Prepared.Advisory.Id });

    private static object? Optional(DateTimeOffset? value) => value is { } time ? Timestamps.Normalize(time) : null;

    private void EnsureOpen()
    {
        if (_committed)
        {
            throw new InvalidOperationException("this advisory import is already committed");
        }
    }

    private sealed record PendingWrite(PreparedAdvisory Prepared, DateTimeOffset ImportedAt, DateTimeOffset UpdatedAt);

    /// <param name="InDatabase">False while the record is only pending in this import's batch.</param>
    private sealed record StoredVersion(DateTimeOffset Modified, string ContentSha256, DateTimeOffset ImportedAt, bool InDatabase);
}

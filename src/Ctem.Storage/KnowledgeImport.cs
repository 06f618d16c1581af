using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// One advisory import on its own connection and transaction. An advisory is replaced only by a record with a
/// newer <c>modified</c> time, so importing an old snapshot never undoes a newer one.
/// </summary>
internal sealed class KnowledgeImport : IKnowledgeImport
{
    private const string InsertAdvisorySql = """
        INSERT INTO advisories (id, source, modified, published, withdrawn, summary, severity,
            aliases_json, related_json, severity_json, content_sha256, imported_at, updated_at)
        VALUES (@Id, @Source, @Modified, @Published, @Withdrawn, @Summary, @Severity,
            @AliasesJson, @RelatedJson, @SeverityJson, @ContentSha256, @At, @At)
        """;

    private const string UpdateAdvisorySql = """
        UPDATE advisories SET source = @Source, modified = @Modified, published = @Published, withdrawn = @Withdrawn,
            summary = @Summary, severity = @Severity, aliases_json = @AliasesJson, related_json = @RelatedJson,
            severity_json = @SeverityJson, content_sha256 = @ContentSha256, updated_at = @At
        WHERE id = @Id
        """;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly TimeProvider _time;
    private readonly FeedWriter _feeds;
    private bool _committed;

    public KnowledgeImport(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, TimeProvider time)
    {
        _connection = connection;
        _transaction = transaction;
        _time = time;
        _feeds = new FeedWriter(connection, transaction, dialect, time);
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

        var stored = await _connection.QuerySingleOrDefaultAsync<StoredVersion>(Command(
            "SELECT modified AS Modified, content_sha256 AS ContentSha256 FROM advisories WHERE id = @Id", new { advisory.Id }, cancellationToken));
        var incoming = Timestamps.Normalize(advisory.Modified);
        var digest = AdvisoryDigest.Of(advisory);
        var outcome = stored switch
        {
            null => UpsertOutcome.Inserted,
            _ when stored.Modified < incoming => UpsertOutcome.Updated,
            _ when stored.Modified > incoming => UpsertOutcome.Older,

            // Same time, other content: some sources (the Go vulndb repository) publish a placeholder 'modified'.
            _ when stored.ContentSha256 != digest => UpsertOutcome.Updated,
            _ => UpsertOutcome.Unchanged,
        };

        if (outcome == UpsertOutcome.Inserted)
        {
            await _connection.ExecuteAsync(Command(InsertAdvisorySql, Row(advisory, digest), cancellationToken));
            await WriteChildrenAsync(advisory, cancellationToken);
        }
        else if (outcome == UpsertOutcome.Updated)
        {
            await _connection.ExecuteAsync(Command(UpdateAdvisorySql, Row(advisory, digest), cancellationToken));
            await _connection.ExecuteAsync(Command(
                "DELETE FROM advisory_packages WHERE advisory_id = @Id; DELETE FROM advisory_aliases WHERE advisory_id = @Id",
                new { advisory.Id }, cancellationToken));
            await WriteChildrenAsync(advisory, cancellationToken);
        }

        return outcome;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back: an interrupted import leaves no trace.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task WriteChildrenAsync(Advisory advisory, CancellationToken cancellationToken)
    {
        var packages = advisory.Affected.Select((affected, ordinal) => new
        {
            AdvisoryId = advisory.Id,
            Ordinal = ordinal,
            affected.Key.Ecosystem,
            affected.Key.Name,
            AffectedJson = StorageJson.Serialize(affected),
        }).ToList();
        if (packages.Count > 0)
        {
            await _connection.ExecuteAsync(Command(
                "INSERT INTO advisory_packages (advisory_id, ordinal, ecosystem, name, affected_json) VALUES (@AdvisoryId, @Ordinal, @Ecosystem, @Name, @AffectedJson)",
                packages, cancellationToken));
        }

        var aliases = advisory.Aliases.Distinct(StringComparer.Ordinal).Select(alias => new { Alias = alias, AdvisoryId = advisory.Id }).ToList();
        if (aliases.Count > 0)
        {
            await _connection.ExecuteAsync(Command(
                "INSERT INTO advisory_aliases (alias, advisory_id) VALUES (@Alias, @AdvisoryId)", aliases, cancellationToken));
        }
    }

    private object Row(Advisory advisory, string digest) => new
    {
        ContentSha256 = digest,
        advisory.Id,
        advisory.Source,
        advisory.Modified,
        advisory.Published,
        advisory.Withdrawn,
        advisory.Summary,
        Severity = advisory.DatabaseSeverity,
        AliasesJson = StorageJson.Serialize(advisory.Aliases),
        RelatedJson = StorageJson.Serialize(advisory.Related),
        SeverityJson = StorageJson.Serialize(advisory.Severity),
        At = _time.GetUtcNow(),
    };

    private sealed class StoredVersion
    {
        public DateTimeOffset Modified { get; set; }

        public string ContentSha256 { get; set; } = string.Empty;
    }

    private void EnsureOpen()
    {
        if (_committed)
        {
            throw new InvalidOperationException("this advisory import is already committed");
        }
    }

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);
}

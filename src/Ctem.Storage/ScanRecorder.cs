using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// Stores one scan and reconciles the product's findings with it, inside the caller's transaction. Findings are
/// never deleted: each source that reports one keeps it open, and it is resolved when the last of them stops
/// reporting it (the finding lifecycle of Dependency-Track's ADR 013).
/// </summary>
internal sealed class ScanRecorder
{
    private const string InsertRunSql = """
        INSERT INTO runs (product_id, product_version, source, tool, kind, started_at, finished_at, inputs_json,
            component_count, finding_count, new_count, reopened_count, resolved_count)
        VALUES (@ProductId, @ProductVersion, @Source, @Tool, @Kind, @StartedAt, @FinishedAt, @InputsJson, @ComponentCount, 0, 0, 0, 0)
        RETURNING id
        """;

    private const string UnseenSql = """
        SELECT s.finding_id AS Id, f.vulnerability_id AS VulnerabilityId, f.component_purl AS Component, f.version AS Version
        FROM finding_sources s
        JOIN findings f ON f.id = s.finding_id
        WHERE f.product_id = @ProductId AND s.source = @Source AND s.tool = @Tool AND s.active = TRUE AND s.last_run_id <> @RunId
        """;

    private const string UpdateRunSql = """
        UPDATE runs SET finding_count = @FindingCount, new_count = @New, reopened_count = @Reopened, resolved_count = @Resolved,
            last_event_id = (SELECT MAX(id) FROM finding_events)
        WHERE id = @RunId
        """;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _time;

    public ScanRecorder(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, TimeProvider time)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _time = time;
    }

    public async Task<RunOutcome> RecordAsync(ScanRecord scan, CancellationToken cancellationToken)
    {
        if (_dialect.ProductLockSql.Length > 0)
        {
            await ExecuteAsync(_dialect.ProductLockSql, new { Product = scan.Product.Name }, cancellationToken);
        }

        var productId = await UpsertProductAsync(scan.Product.Name, cancellationToken);
        if (scan.RiskSettings is { } settings)
        {
            await ExecuteAsync(
                "UPDATE products SET risk_settings_json = @Json WHERE id = @ProductId",
                new { Json = StorageJson.Serialize(settings), ProductId = productId }, cancellationToken);
        }

        var runId = await ScalarAsync(InsertRunSql, new
        {
            ProductId = productId,
            ProductVersion = scan.Product.Version,
            scan.Source,
            scan.Tool,
            Kind = RunKinds.Name(scan.Kind),
            scan.StartedAt,
            scan.FinishedAt,
            InputsJson = StorageJson.Serialize(scan.Inputs),
            ComponentCount = scan.Components.Count,
        }, cancellationToken);
        await RunComponentWriter.WriteAsync(_dialect, _connection, _transaction, runId, scan.Components, cancellationToken);
        await GraphQueries.WriteAssetsAsync(_dialect, _connection, _transaction, runId, Core.Graph.InventoryAsset.Of(scan.Services, scan.Components), cancellationToken);
        await SourceIndex.RecordRunAsync(_dialect, _connection, _transaction, productId, runId, scan, cancellationToken);

        var observed = ObservedFindingMerger.Merge(scan.Findings);
        var knownRows = (await _connection.QueryAsync<KnownRow>(Command(
                "SELECT id AS Id, finding_key AS FindingKey, status AS Status, component_purl AS ComponentPurl, first_seen_at AS FirstSeenAt, priority AS Priority, reopen_count AS ReopenCount, "
                + "vulnerability_id AS VulnerabilityId, aliases_json AS AliasesJson FROM findings WHERE product_id = @ProductId",
                new { ProductId = productId }, cancellationToken))).ToList();
        var byId = knownRows.ToDictionary(f => f.Id);
        var plan = FindingReconciler.Plan(
            knownRows.Select(f => new KnownFinding(f.Id, f.FindingKey, f.ComponentPurl, f.VulnerabilityId, f.Aliases, f.Status == FindingStates.Resolved)).ToList(),
            observed);

        var run = new RunWrite(runId, scan.Source, scan.Tool, scan.FinishedAt);
        var rows = plan.Select(step => FindingRow.From(step.Observation, productId, runId, scan.FinishedAt)).ToList();
        var newIds = await NewFindingWriter.InsertAsync(
            _dialect, _connection, _transaction, productId, run, [.. plan.Index().Where(s => s.Item.FindingId is null).Select(s => rows[s.Index])], cancellationToken);

        int created = 0, reopened = 0, stillOpen = 0, reprioritized = 0;
        var recorded = new Dictionary<string, RecordedFinding>(StringComparer.Ordinal);
        var continued = new List<(FindingRow Row, int Reopens)>();
        var sources = new List<(long FindingId, string ReportedAsJson)>();
        var events = new List<(long FindingId, string Kind, string? Priority, string? PreviousPriority)>();
        foreach (var (index, step) in plan.Index())
        {
            var finding = step.Observation;
            var row = rows[index];
            if (step.FindingId is not { } id)
            {
                id = newIds[created];
                recorded[finding.Key] = new RecordedFinding(id, scan.FinishedAt);
                sources.Add((id, ReportedAsJson(finding)));
                events.Add((id, FindingStates.Opened, row.Priority, null));
                created++;
                continue;
            }

            if (step.Names is { } names)
            {
                row = row with { FindingKey = names.Key, VulnerabilityId = names.VulnerabilityId, AliasesJson = JsonArrays.Of(names.Aliases) };
            }

            var existing = byId[id];
            var reopening = step.Kind == ReconcileKind.Reopen;
            existing.ReopenCount += reopening ? 1 : 0;
            recorded[finding.Key] = new RecordedFinding(id, existing.FirstSeenAt) { ReopenCount = (int)existing.ReopenCount };
            var repriority = !reopening && existing.Priority is not null && row.Priority is not null && existing.Priority != row.Priority;
            continued.Add((row with { Id = id }, reopening ? 1 : 0));
            sources.Add((id, ReportedAsJson(finding)));
            if (reopening || repriority)
            {
                events.Add((id, reopening ? FindingStates.Reopened : FindingStates.Priority, row.Priority, existing.Priority));
            }

            reopened += reopening ? 1 : 0;
            stillOpen += reopening ? 0 : 1;
            reprioritized += repriority ? 1 : 0;
        }

        await FindingBatchWriter.WriteAsync(_dialect, _connection, _transaction, run, continued, sources, events, cancellationToken);

        // A scan that could not read all its inputs has not seen the whole product: absence proves nothing then.
        var resolved = scan.Complete ? await ResolveUnseenAsync(productId, runId, scan, cancellationToken) : [];
        await ExecuteAsync(UpdateRunSql, new
        {
            RunId = runId,
            FindingCount = observed.Count,
            New = created,
            Reopened = reopened,
            Resolved = resolved.Count,
        }, cancellationToken);
        return new RunOutcome(runId, created, reopened, stillOpen, resolved.Count)
        {
            Findings = recorded,
            ResolvedFindings = resolved,
            PriorityChanged = reprioritized,
        };
    }

    private async Task<long> UpsertProductAsync(string name, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "INSERT INTO products (name, created_at) VALUES (@Name, @At) ON CONFLICT (name) DO NOTHING",
            new { Name = name, At = _time.GetUtcNow() }, cancellationToken);
        return await ScalarAsync("SELECT id FROM products WHERE name = @Name", new { Name = name }, cancellationToken);
    }

    /// <summary>Findings this source (and tool) reported before but not in this run: the source lets go of them.</summary>
    private async Task<List<ResolvedFinding>> ResolveUnseenAsync(long productId, long runId, ScanRecord scan, CancellationToken cancellationToken)
    {
        var at = scan.FinishedAt;
        var unseen = (await _connection.QueryAsync<ResolvedFinding>(Command(
                UnseenSql, new { ProductId = productId, scan.Source, scan.Tool, RunId = runId }, cancellationToken)))
            .Where(f => scan.ResolveOnly is null || scan.ResolveOnly.Contains(f.Component))
            .ToList();
        // Set-based: the source lets go of them all at once; those no other source still reports are resolved together.
        var resolved = new List<ResolvedFinding>();
        foreach (var batch in unseen.Chunk(500))
        {
            var ids = batch.Select(f => f.Id).ToArray();
            await ExecuteAsync(
                $"UPDATE finding_sources SET active = FALSE WHERE source = @Source AND tool = @Tool AND {_dialect.InValues("finding_id", "Ids")}",
                new { Ids = _dialect.ListValue(ids), scan.Source, scan.Tool }, cancellationToken);
            var unreported = (await _connection.QueryAsync<long>(Command(
                    $"SELECT f.id FROM findings f WHERE {_dialect.InValues("f.id", "Ids")} "
                    + "AND NOT EXISTS (SELECT 1 FROM finding_sources s WHERE s.finding_id = f.id AND s.active = TRUE)",
                    new { Ids = _dialect.ListValue(ids) }, cancellationToken)))
                .ToHashSet();
            if (unreported.Count == 0)
            {
                continue;
            }

            var gone = batch.Where(f => unreported.Contains(f.Id)).ToList();
            var goneIds = gone.Select(f => f.Id).ToArray();
            await ExecuteAsync(
                $"UPDATE findings SET status = 'resolved', resolved_at = @At WHERE {_dialect.InValues("id", "Ids")}",
                new { Ids = _dialect.ListValue(goneIds), At = at }, cancellationToken);
            await ExecuteAsync(
                $"INSERT INTO finding_events (finding_id, run_id, at, kind, priority, previous_priority) "
                + $"SELECT id, @RunId, @At, '{FindingStates.Resolved}', NULL, NULL FROM findings WHERE {_dialect.InValues("id", "Ids")} ORDER BY id",
                new { Ids = _dialect.ListValue(goneIds), RunId = runId, At = at }, cancellationToken);
            resolved.AddRange(gone);
        }

        return resolved;
    }

    // The names the source gave the finding, else the advisories Ctem matched.
    private static string ReportedAsJson(ObservedFinding finding) =>
        JsonArrays.Of(finding.ReportedAs.Count > 0 ? finding.ReportedAs : finding.Vulnerability.AdvisoryIds);

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    private Task<long> ScalarAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteScalarAsync<long>(Command(sql, parameters, cancellationToken));

    private CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    private sealed class KnownRow
    {
        public long Id { get; set; }

        public string FindingKey { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string ComponentPurl { get; set; } = string.Empty;

        public string VulnerabilityId { get; set; } = string.Empty;

        public string AliasesJson { get; set; } = "[]";

        public DateTimeOffset FirstSeenAt { get; set; }

        public string? Priority { get; set; }

        public long ReopenCount { get; set; }

        public IReadOnlyList<string> Aliases => _aliases ??= StorageJson.Strings(AliasesJson);

        private IReadOnlyList<string>? _aliases;
    }
}

using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads of the current state: open findings and the products they belong to.</summary>
internal static class FindingQueries
{
    private const string OpenFindingsSql = """
        SELECT f.id AS Id, p.name AS Product, f.component_purl AS ComponentPurl, f.ecosystem AS Ecosystem,
            f.package_name AS PackageName, f.version AS Version, f.vulnerability_id AS VulnerabilityId,
            f.aliases_json AS AliasesJson, f.advisory_ids_json AS AdvisoryIdsJson, f.summary AS Summary,
            f.severity AS Severity, f.fixed_versions_json AS FixedVersionsJson, f.scope AS Scope, f.relation AS Relation, f.version_inferred_from AS VersionInferredFrom, f.cvss_vector AS CvssVector, f.cvss_source AS CvssSource, f.severity_source AS SeveritySource, f.exploit_refs_json AS ExploitReferencesJson, f.cwes_json AS CwesJson,
            f.location_root AS LocationRoot, f.location_path AS LocationPath, f.location_line AS LocationLine, f.suspect AS Suspect, f.identity_derived_from AS IdentityDerivedFrom, f.identity_confidence AS IdentityConfidence,
            COALESCE(f.assigned_owner, f.owner) AS Owner, f.owner_source AS OwnerSource, f.assigned_owner AS AssignedOwner, f.assigned_by AS AssignedBy,
            {0} AS RiskJson, f.first_seen_at AS FirstSeenAt, f.last_seen_at AS LastSeenAt,
            f.status AS Status, f.resolved_at AS ResolvedAt, f.reopen_count AS ReopenCount
        FROM findings f
        JOIN products p ON p.id = f.product_id
        WHERE {1}
        """;

    // An open finding's sources are those still reporting it; a resolved one's, those that last did.
    private const string SourcesSql = """
        SELECT DISTINCT s.finding_id AS FindingId, s.tool AS Tool
        FROM finding_sources s
        JOIN findings f ON f.id = s.finding_id
        JOIN products p ON p.id = f.product_id
        WHERE (s.active = TRUE OR f.status = 'resolved') AND {0}
        """;

    private const string ProductsSql = $"""
        SELECT p.name AS Name,
            (SELECT COUNT(*) FROM findings f WHERE f.product_id = p.id AND f.status = 'open' AND NOT {VexQueries.ClosedSql} AND f.acceptance_id IS NULL) AS OpenFindings,
            (SELECT MAX(r.finished_at) FROM runs r WHERE r.product_id = p.id) AS LastScanAt
        FROM products p
        """;

    /// <summary>Every finding a source still reports, whatever VEX says of it: what merging and re-assessment work on.</summary>
    public static Task<IReadOnlyList<StoredFinding>> CurrentAsync(DbConnection connection, ISqlDialect dialect, string? product, bool withRisk, CancellationToken cancellationToken) =>
        FindAsync(connection, dialect, new FindingFilter(product, FindingStatusFilter.Open), withRisk, cancellationToken, vexCloses: false);

    /// <param name="withRisk">False leaves <see cref="StoredFinding.Risk"/> null: reading the assessments is most of the cost.</param>
    /// <param name="vexCloses">True: a finding VEX closed counts as resolved, not open (the findings list's meaning).</param>
    public static async Task<IReadOnlyList<StoredFinding>> FindAsync(
        DbConnection connection, ISqlDialect dialect, FindingFilter filter, bool withRisk, CancellationToken cancellationToken, bool vexCloses = true)
    {
        // Two plain reads rather than one transaction: on SQLite a transaction would take the write lock. A scan
        // committed in between can at worst leave a just-resolved finding without its sources.
        var parameters = new DynamicParameters();
        parameters.Add("Product", filter.Product, System.Data.DbType.String);
        parameters.Add("Owner", filter.Owner, System.Data.DbType.String);
        string where;
        if (filter.Ids is { } ids)
        {
            parameters.Add("Ids", ids.ToArray());
            where = dialect.InList("f.id", "Ids");
        }
        else
        {
            where = StatusCondition(filter.Status, vexCloses)
                + " AND (@Product IS NULL OR p.name = @Product) AND (@Owner IS NULL OR COALESCE(f.assigned_owner, f.owner) = @Owner)";
        }

        var rows = (await connection.QueryAsync<OpenFindingRow>(new CommandDefinition(RowsSql(withRisk, where), parameters, cancellationToken: cancellationToken))).AsList();
        var found = await CompleteAsync(connection, rows, where, parameters, cancellationToken);

        // Most urgent first: the order every report lists findings in.
        return found
            .OrderByDescending(f => f.Risk?.Score ?? -1)
            .ThenBy(f => f.Product, StringComparer.Ordinal)
            .ThenBy(f => f.ComponentPurl, StringComparer.Ordinal)
            .ThenBy(f => f.Vulnerability.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Which findings a status means; with <paramref name="vexCloses"/>, a finding VEX closed or a risk accepted is not open.</summary>
    public static string StatusCondition(FindingStatusFilter status, bool vexCloses = true) => (status, vexCloses) switch
    {
        (FindingStatusFilter.Open, true) => $"f.status = 'open' AND NOT {VexQueries.ClosedSql} AND f.acceptance_id IS NULL",
        (FindingStatusFilter.Open, false) => "f.status = 'open'",
        (FindingStatusFilter.Resolved, true) => $"(f.status = 'resolved' OR {VexQueries.ClosedSql})",
        (FindingStatusFilter.Resolved, false) => "f.status = 'resolved'",
        _ => "1 = 1",
    };

    /// <summary>The finding rows <paramref name="where"/> selects (over <c>findings f</c> joined to <c>products p</c>), without an order.</summary>
    public static string RowsSql(bool withRisk, string where) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, OpenFindingsSql, withRisk ? "f.risk_json" : "NULL", where);

    /// <summary>The rows as findings, in their order, with their sources, the VEX statement and the accepted risk in force; <paramref name="where"/> selects the same rows.</summary>
    public static async Task<List<StoredFinding>> CompleteAsync(
        DbConnection connection, IReadOnlyList<OpenFindingRow> rows, string where, object parameters, CancellationToken cancellationToken)
    {
        var sourcesSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, SourcesSql, where);
        var sources = (await connection.QueryAsync<(long FindingId, string Tool)>(new CommandDefinition(sourcesSql, parameters, cancellationToken: cancellationToken)))
            .ToLookup(s => s.FindingId, s => s.Tool);

        var vex = await VexQueries.InForceAsync(connection, where, parameters, cancellationToken);
        var accepted = (await AcceptanceQueries.InForceAsync(connection, null, null, cancellationToken)).ToDictionary(a => a.FindingId);
        return rows
            .Select(r => r.ToStoredFinding(sources[r.Id].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()) with { Vex = vex.GetValueOrDefault(r.Id), Acceptance = accepted.GetValueOrDefault(r.Id) })
            .ToList();
    }

    public static async Task<IReadOnlyList<FindingSource>> SourcesAsync(DbConnection connection, long findingId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Source, string Tool, string? ReportedAsJson, long FirstRunId, long LastRunId, bool Active)>(new CommandDefinition(
            "SELECT source, tool, reported_as_json, first_run_id, last_run_id, active FROM finding_sources WHERE finding_id = @FindingId ORDER BY first_run_id, source, tool",
            new { FindingId = findingId },
            cancellationToken: cancellationToken));
        return rows.Select(r => new FindingSource(r.Source, r.ReportedAsJson is null ? [] : StorageJson.Strings(r.ReportedAsJson), r.FirstRunId, r.LastRunId, r.Active) { Tool = r.Tool }).ToList();
    }

    public static async Task<IReadOnlyDictionary<string, ProductRiskSettings>> RiskSettingsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Name, string Json)>(new CommandDefinition(
            "SELECT name, risk_settings_json FROM products WHERE risk_settings_json IS NOT NULL", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Name, r => StorageJson.Deserialize<ProductRiskSettings>(r.Json), StringComparer.Ordinal);
    }

    public static async Task<ProductRiskSettings?> RiskSettingsOfAsync(DbConnection connection, string product, CancellationToken cancellationToken)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT risk_settings_json FROM products WHERE name = @Name AND risk_settings_json IS NOT NULL", new { Name = product }, cancellationToken: cancellationToken));
        return json is null ? null : StorageJson.Deserialize<ProductRiskSettings>(json);
    }

    public static async Task<IReadOnlyList<ProductSummary>> ProductsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ProductRow>(new CommandDefinition(ProductsSql, cancellationToken: cancellationToken));
        return rows
            .Select(r => new ProductSummary(r.Name, (int)r.OpenFindings, r.LastScanAt))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class ProductRow
    {
        public string Name { get; set; } = string.Empty;

        public long OpenFindings { get; set; }

        public DateTimeOffset? LastScanAt { get; set; }
    }
}

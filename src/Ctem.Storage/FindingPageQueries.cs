using System.Data;
using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// One page of the findings list, filtered, ordered and cut in the database: keyset pagination on the order's key,
/// which the indexes of migration 0025 serve, so a page costs the same at the first finding and at the millionth.
/// </summary>
internal static class FindingPageQueries
{
    // A finding without an assessment sorts as score -1; negated, the whole key ascends, so one row comparison seeks it.
    private const string NegatedScore = "-COALESCE(f.risk_score, -1)";

    private static readonly string[] TextColumns = ["f.vulnerability_id", "f.summary", "f.component_purl", "f.package_name", "f.product_name"];

    public static async Task<IReadOnlyList<StoredFinding>> PageAsync(DbConnection connection, ISqlDialect dialect, FindingPageRequest request, CancellationToken cancellationToken)
    {
        if (request.Order == FindingOrder.Due && request.After is not null)
        {
            throw new ArgumentException("the due order is paged by offset, not by a position", nameof(request));
        }

        var parameters = new DynamicParameters();
        var where = string.Join(" AND ", Conditions(dialect, request, parameters));
        var order = request.Order switch
        {
            FindingOrder.Id => "f.id",
            FindingOrder.Due => string.Join(", ", DueKey(dialect)),
            _ => string.Join(", ", PriorityKey(dialect)),
        };
        parameters.Add("Limit", request.Limit);
        parameters.Add("Offset", request.Offset);
        var sql = $"{FindingQueries.RowsSql(withRisk: true, where)}\nORDER BY {order}\nLIMIT @Limit OFFSET @Offset";
        var rows = (await connection.QueryAsync<OpenFindingRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var byId = new DynamicParameters();
        byId.Add("Ids", dialect.ListValue(rows.Select(r => r.Id).ToArray()));
        return await FindingQueries.CompleteAsync(connection, rows, dialect.InValues("f.id", "Ids"), byId, cancellationToken);
    }

    public static async Task<int> CountAsync(DbConnection connection, ISqlDialect dialect, FindingPageRequest request, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var where = string.Join(" AND ", Conditions(dialect, request with { After = null }, parameters));
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM findings f WHERE {where}", parameters, cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<ProductFindingCounts>> CountOpenAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<string> products, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listed = FindingQueries.StatusCondition(FindingStatusFilter.Open);
        var sql = $"""
            SELECT f.product_name AS Product, f.priority AS Priority,
                SUM(CASE WHEN {listed} THEN 1 ELSE 0 END) AS Open,
                SUM(CASE WHEN {listed} AND {InKev(dialect)} THEN 1 ELSE 0 END) AS Kev,
                SUM(CASE WHEN f.risk_json IS NOT NULL AND {DueAt(dialect)} < @Now THEN 1 ELSE 0 END) AS Breached
            FROM findings f
            WHERE f.status = 'open' AND {dialect.InValues(dialect.Ordinal("f.product_name"), "Products")}
            GROUP BY f.product_name, f.priority
            """;
        var rows = await connection.QueryAsync<(string Product, string? Priority, long Open, long Kev, long Breached)>(
            new CommandDefinition(sql, new { Products = dialect.ListValue(products.ToArray()), Now = now }, cancellationToken: cancellationToken));
        return [.. rows.GroupBy(r => r.Product, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ProductFindingCounts(
            g.Key,
            g.Where(r => r.Priority is not null).ToDictionary(r => r.Priority!, r => (int)r.Open, StringComparer.Ordinal),
            (int)g.Sum(r => r.Kev),
            (int)g.Sum(r => r.Breached)))];
    }

    private static IEnumerable<string> Conditions(ISqlDialect dialect, FindingPageRequest request, DynamicParameters parameters)
    {
        var filter = request.Filter;
        yield return filter.Ids is null ? FindingQueries.StatusCondition(filter.Status) : "1 = 1";
        if (filter.Ids is { } ids)
        {
            parameters.Add("Ids", dialect.ListValue(ids.ToArray()));
            yield return dialect.InValues("f.id", "Ids");
        }

        if (filter.Product is { } product)
        {
            parameters.Add("Product", product, DbType.String);
            yield return $"{dialect.Ordinal("f.product_name")} = @Product";
        }

        if (request.Products is { } products)
        {
            parameters.Add("Products", dialect.ListValue(products.ToArray()));
            yield return dialect.InValues(dialect.Ordinal("f.product_name"), "Products");
        }

        if (filter.Owner is { } owner)
        {
            parameters.Add("Owner", owner, DbType.String);
            yield return "COALESCE(f.assigned_owner, f.owner) = @Owner";
        }

        if (request.Priorities is { Count: > 0 } priorities)
        {
            parameters.Add("Priorities", dialect.ListValue(priorities.ToArray()));
            yield return dialect.InValues("f.priority", "Priorities");
        }

        if (request.Kev is { } kev)
        {
            // The KEV join of the listing: the vulnerability's id or any alias names a catalogue entry.
            yield return kev ? InKev(dialect) : $"NOT {InKev(dialect)}";
        }

        if (request.Ssvc is { } ssvc)
        {
            parameters.Add("Ssvc", StorageJson.Serialize(ssvc).Trim('"'), DbType.String);
            yield return $"{dialect.JsonField("f.risk_json", "ssvc")} = @Ssvc";
        }

        // Lower-casing in SQL agrees with ignoring case in .NET for ASCII text; other text is matched by the caller alone.
        // Each column and alias on its own, so a match never spans two of them and a count of the matches is exact.
        if (request.Text is { } text && text.All(char.IsAscii))
        {
            parameters.Add("Text", text.ToLowerInvariant(), DbType.String);
            var columns = TextColumns.Select(c => dialect.ContainsLower($"COALESCE({c}, '')", "Text"))
                .Append($"EXISTS (SELECT 1 FROM {dialect.JsonElements("f.aliases_json")} WHERE {dialect.ContainsLower("value", "Text")})");
            yield return $"({string.Join(" OR ", columns)})";
        }

        if (request.After is { } after)
        {
            parameters.Add("AfterId", after.Id);
            if (request.Order == FindingOrder.Id)
            {
                yield return "f.id > @AfterId";
            }
            else
            {
                parameters.Add("AfterScore", -after.Score);
                parameters.Add("AfterProduct", after.Product, DbType.String);
                parameters.Add("AfterPurl", after.Purl, DbType.String);
                parameters.Add("AfterVulnerability", after.Vulnerability, DbType.String);
                yield return $"({string.Join(", ", PriorityKey(dialect))}) > (@AfterScore, @AfterProduct, @AfterPurl, @AfterVulnerability, @AfterId)";
            }
        }
    }

    // The KEV join of the listing: the vulnerability's id or any alias names a catalogue entry.
    private static string InKev(ISqlDialect dialect) =>
        $"(f.vulnerability_id IN (SELECT cve_id FROM kev_entries) OR EXISTS (SELECT 1 FROM kev_entries k WHERE k.cve_id IN ({dialect.JsonStrings("f.aliases_json")})))";

    // KEV's earliest-added entry among the vulnerability's ids gives its due day, as ExploitationLookup merges them.
    private static string DueAt(ISqlDialect dialect)
    {
        var kevDay = $"SELECT k.due_date FROM kev_entries k WHERE k.cve_id IN (SELECT f.vulnerability_id UNION ALL {dialect.JsonStrings("f.aliases_json")}) ORDER BY k.date_added LIMIT 1";
        return dialect.DueAt("f.first_seen_at", dialect.JsonField("f.risk_json", "slaDays"), kevDay);
    }

    private static string[] DueKey(ISqlDialect dialect) =>
        ["CASE WHEN f.risk_json IS NULL THEN 1 ELSE 0 END", DueAt(dialect), dialect.Ordinal("f.product_name"), dialect.Ordinal("f.component_purl"), dialect.Ordinal("f.vulnerability_id"), "f.id"];

    private static string[] PriorityKey(ISqlDialect dialect) =>
        [NegatedScore, dialect.Ordinal("f.product_name"), dialect.Ordinal("f.component_purl"), dialect.Ordinal("f.vulnerability_id"), "f.id"];
}

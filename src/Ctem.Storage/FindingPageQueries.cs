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

    private static readonly string[] TextColumns = ["f.vulnerability_id", "f.aliases_json", "f.summary", "f.component_purl", "f.package_name", "f.product_name"];

    public static async Task<IReadOnlyList<StoredFinding>> PageAsync(DbConnection connection, ISqlDialect dialect, FindingPageRequest request, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var where = string.Join(" AND ", Conditions(dialect, request, parameters));
        var order = request.Order == FindingOrder.Id ? "f.id" : string.Join(", ", PriorityKey(dialect));
        parameters.Add("Limit", request.Limit);
        var sql = $"{FindingQueries.RowsSql(withRisk: true, where)}\nORDER BY {order}\nLIMIT @Limit";
        var rows = (await connection.QueryAsync<OpenFindingRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var byId = new DynamicParameters();
        byId.Add("Ids", rows.Select(r => r.Id).ToArray());
        return await FindingQueries.CompleteAsync(connection, rows, dialect.InList("f.id", "Ids"), byId, cancellationToken);
    }

    private static IEnumerable<string> Conditions(ISqlDialect dialect, FindingPageRequest request, DynamicParameters parameters)
    {
        var filter = request.Filter;
        yield return filter.Ids is null ? FindingQueries.StatusCondition(filter.Status) : "1 = 1";
        if (filter.Ids is { } ids)
        {
            parameters.Add("Ids", ids.ToArray());
            yield return dialect.InList("f.id", "Ids");
        }

        if (filter.Product is { } product)
        {
            parameters.Add("Product", product, DbType.String);
            yield return $"{dialect.Ordinal("f.product_name")} = @Product";
        }

        if (request.Products is { } products)
        {
            parameters.Add("Products", products.ToArray());
            yield return dialect.InList(dialect.Ordinal("f.product_name"), "Products");
        }

        if (filter.Owner is { } owner)
        {
            parameters.Add("Owner", owner, DbType.String);
            yield return "COALESCE(f.assigned_owner, f.owner) = @Owner";
        }

        if (request.Priorities is { Count: > 0 } priorities)
        {
            parameters.Add("Priorities", priorities.ToArray());
            yield return dialect.InList("f.priority", "Priorities");
        }

        if (request.Kev is { } kev)
        {
            // The KEV join of the listing: the vulnerability's id or any alias names a catalogue entry.
            var inKev = $"(f.vulnerability_id IN (SELECT cve_id FROM kev_entries) OR EXISTS (SELECT 1 FROM kev_entries k WHERE k.cve_id IN ({dialect.JsonStrings("f.aliases_json")})))";
            yield return kev ? inKev : $"NOT {inKev}";
        }

        // Lower-casing in SQL agrees with ignoring case in .NET for ASCII text; other text is matched by the caller alone.
        // One search of the columns joined (a match across two of them is let through; the caller checks again).
        if (request.Text is { } text && text.All(char.IsAscii))
        {
            parameters.Add("Text", text.ToLowerInvariant(), DbType.String);
            yield return dialect.ContainsLower(string.Join(" || ' ' || ", TextColumns.Select(c => $"COALESCE({c}, '')")), "Text");
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

    private static string[] PriorityKey(ISqlDialect dialect) =>
        [NegatedScore, dialect.Ordinal("f.product_name"), dialect.Ordinal("f.component_purl"), dialect.Ordinal("f.vulnerability_id"), "f.id"];
}

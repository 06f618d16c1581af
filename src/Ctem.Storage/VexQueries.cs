using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads and writes of VEX statements and of which of them apply to which findings.</summary>
internal static class VexQueries
{
    private const int Batch = 500;

    /// <summary>Findings a VEX statement closed (not_affected, false_positive, fixed): out of the default list and counts.</summary>
    public const string ClosedSql = "COALESCE(f.vex_state, '') IN ('not_affected', 'false_positive', 'fixed')";

    public static async Task<VexAddOutcome> AddAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<NewVexStatement> statements, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var ids = new List<long?>(statements.Count);
        foreach (var statement in statements)
        {
            ids.Add(await connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
                VexStatementRow.InsertSql, VexStatementRow.From(statement, importedAt), transaction, cancellationToken: cancellationToken)));
        }

        return new VexAddOutcome(ids);
    }

    public static async Task<IReadOnlyList<StoredVexStatement>> StatementsAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        if (ids is not null)
        {
            return await StatementsAsync(connection, null, dialect, ids, cancellationToken);
        }

        var all = await connection.QueryAsync<VexStatementRow>(new CommandDefinition(
            $"SELECT {VexStatementRow.Columns} FROM vex_statements s ORDER BY s.id", cancellationToken: cancellationToken));
        return all.Select(r => r.ToStored()).ToList();
    }

    /// <summary>The statements linked to a finding, the winner first, then the others newest first.</summary>
    public static async Task<IReadOnlyList<StoredVexStatement>> ForFindingAsync(DbConnection connection, long findingId, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<VexStatementRow>(new CommandDefinition(
            $"SELECT {VexStatementRow.Columns} FROM finding_vex l JOIN vex_statements s ON s.id = l.statement_id WHERE l.finding_id = @FindingId",
            new { FindingId = findingId }, cancellationToken: cancellationToken))).ToList();
        return rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.ToStored()).ToList();
    }

    /// <summary>The winning statement of each finding that <paramref name="where"/> (over <c>f</c> and <c>p</c>) selects and that has one.</summary>
    public static async Task<IReadOnlyDictionary<long, FindingVex>> InForceAsync(
        DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<VexStatementRow, long, (long FindingId, VexStatementRow Row)>(new CommandDefinition(
                $"""
                SELECT {VexStatementRow.Columns}, f.id AS FindingId
                FROM findings f
                JOIN products p ON p.id = f.product_id
                JOIN vex_statements s ON s.id = f.vex_statement_id
                WHERE {where}
                """, parameters, cancellationToken: cancellationToken),
            (row, findingId) => (findingId, row),
            splitOn: "FindingId");
        return rows.ToDictionary(r => r.FindingId, r => r.Row.ToFindingVex());
    }

    /// <summary>
    /// Replaces the links of a product's findings, sets each finding's winner and state, and records a 'vex' event for
    /// each finding whose winning statement changed.
    /// </summary>
    public static async Task<VexLinkOutcome> ReplaceLinksAsync(
        DbConnection connection, DbTransaction transaction, ISqlDialect dialect, string product, IReadOnlyCollection<VexLink> links, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (dialect.ProductLockSql.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(dialect.ProductLockSql, new { Product = product }, transaction, cancellationToken: cancellationToken));
        }

        var findings = (await connection.QueryAsync<(long Id, long? StatementId, string? State)>(new CommandDefinition(
            "SELECT f.id, f.vex_statement_id, f.vex_state FROM findings f JOIN products p ON p.id = f.product_id WHERE p.name = @Product",
            new { Product = product }, transaction, cancellationToken: cancellationToken))).ToDictionary(f => f.Id);
        var valid = links.Where(l => findings.ContainsKey(l.FindingId)).Distinct().ToList();
        var statements = (await StatementsAsync(connection, transaction, dialect, valid.Select(l => l.StatementId).Distinct().ToList(), cancellationToken))
            .ToDictionary(s => s.Id);

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM finding_vex WHERE finding_id IN (SELECT f.id FROM findings f JOIN products p ON p.id = f.product_id WHERE p.name = @Product)",
            new { Product = product }, transaction, cancellationToken: cancellationToken));
        await dialect.BulkInsertAsync(connection, transaction, "finding_vex", ["finding_id", "statement_id"],
            valid.Where(l => statements.ContainsKey(l.StatementId)).Select(l => new object?[] { l.FindingId, l.StatementId }), cancellationToken);

        var winners = valid
            .Where(l => statements.ContainsKey(l.StatementId))
            .GroupBy(l => l.FindingId)
            .ToDictionary(g => g.Key, g => g.Select(l => statements[l.StatementId]).OrderByDescending(s => s.At).ThenByDescending(s => s.Id).First());
        var changed = 0;
        foreach (var (findingId, current) in findings)
        {
            var winner = winners.GetValueOrDefault(findingId);
            var state = winner is null ? null : VexNames.Name(winner.Statement.State);
            if (winner?.Id == current.StatementId)
            {
                continue;
            }

            // Every new winner is an event, even in the same state: a triage that confirms a state is still an audit entry.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE findings SET vex_statement_id = @StatementId, vex_state = @State WHERE id = @Id",
                new { StatementId = winner?.Id, State = state, Id = findingId }, transaction, cancellationToken: cancellationToken));
            changed++;
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO finding_events (finding_id, run_id, at, kind, vex_statement_id, vex_state) VALUES (@FindingId, NULL, @At, 'vex', @StatementId, @State)",
                new { FindingId = findingId, At = at, StatementId = winner?.Id, State = state }, transaction, cancellationToken: cancellationToken));
        }

        return new VexLinkOutcome(winners.Count, changed);
    }

    private static async Task<IReadOnlyList<StoredVexStatement>> StatementsAsync(
        DbConnection connection, DbTransaction? transaction, ISqlDialect dialect, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = new List<VexStatementRow>();
        foreach (var batch in ids.Distinct().Chunk(Batch))
        {
            rows.AddRange(await connection.QueryAsync<VexStatementRow>(new CommandDefinition(
                $"SELECT {VexStatementRow.Columns} FROM vex_statements s WHERE {dialect.InValues("s.id", "Ids")}", new { Ids = dialect.ListValue(batch) }, transaction, cancellationToken: cancellationToken)));
        }

        return rows.OrderBy(r => r.Id).Select(r => r.ToStored()).ToList();
    }
}

using System.Data.Common;

namespace Ctem.Storage;

/// <summary>The few things that differ between SQLite and PostgreSQL; all other SQL is shared.</summary>
internal interface ISqlDialect
{
    /// <summary>The folder under Migrations/ whose scripts build this dialect's schema.</summary>
    string MigrationFolder { get; }

    /// <summary>DDL of the migration bookkeeping table, safe to run on every open.</summary>
    string SchemaMigrationsDdl { get; }

    /// <summary>Run first in each migration transaction so that two processes do not migrate at once; empty if the transaction itself serialises.</summary>
    string MigrationLockSql { get; }

    /// <summary>
    /// Run first in a scan's transaction, with parameter <c>@Product</c>: two scans of one product must not both insert
    /// the same new finding. Empty where the write transaction already serialises writers.
    /// </summary>
    string ProductLockSql { get; }

    /// <summary>
    /// Begins a knowledge import's transaction, returning once no other import can write knowledge until this one ends,
    /// however long that takes (within reason: an osv.dev export takes minutes to import). The import then reads what
    /// is stored, so it decides "newer", "older" and "unchanged" against the imports committed before it.
    /// </summary>
    Task<DbTransaction> BeginKnowledgeImportAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A predicate true when <paramref name="column"/> equals one of the values of parameter <paramref name="parameter"/>, bound to <see cref="ListValue{T}"/>.</summary>
    string InValues(string column, string parameter);

    /// <summary>
    /// <paramref name="values"/> as the value of one <see cref="InValues"/> parameter. One parameter for the whole list:
    /// a list expanded into a parameter per value costs, on SQLite, a search of the statement's parameters per value.
    /// </summary>
    object ListValue<T>(IReadOnlyCollection<T> values);

    /// <summary><paramref name="expression"/> compared ordinally (by code point), as .NET's ordinal comparer orders strings.</summary>
    string Ordinal(string expression);

    /// <summary>A subquery of the strings of the JSON array in text column <paramref name="column"/>.</summary>
    string JsonStrings(string column);

    /// <summary>A predicate true when <paramref name="expression"/>, lower-cased, contains the (lower-case) text parameter <paramref name="parameter"/>.</summary>
    string ContainsLower(string expression, string parameter);

    /// <summary>A FROM item over the strings of the JSON array in text column <paramref name="column"/>, each as column <c>value</c>.</summary>
    string JsonElements(string column);

    /// <summary>The text of top-level field <paramref name="field"/> of the JSON object in text column <paramref name="column"/>.</summary>
    string JsonField(string column, string field);

    /// <summary>
    /// When a finding is due, as a value that sorts in time order: first seen (<paramref name="firstSeenAt"/>) plus
    /// <paramref name="slaDays"/> whole days, or the start (UTC) of day <paramref name="kevDueDay"/> (text, yyyy-MM-dd)
    /// when that is earlier; null when <paramref name="slaDays"/> is null.
    /// </summary>
    string DueAt(string firstSeenAt, string slaDays, string kevDueDay);

    /// <summary>Where the data lives, safe to print.</summary>
    string Description { get; }

    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts many rows fast inside <paramref name="transaction"/>: prepared multi-row INSERTs reused on SQLite,
    /// binary COPY on PostgreSQL. Values are strings, ints (SQL INTEGER), longs (BIGINT), doubles, times or null.
    /// </summary>
    Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken);
}

using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ctem.Storage;

/// <summary>
/// Dapper conversion of <see cref="DateTimeOffset"/> for both providers: SQLite gets ISO-8601 text,
/// Npgsql gets a UTC value (it refuses any other offset for timestamptz).
/// </summary>
internal sealed class TimestampTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Dapper's mapping is process-wide, so this is done once, before the first query.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            // Dapper consults its built-in type map before any handler when binding parameters;
            // without removing DateTimeOffset from it, the handler would only be used for reading.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new TimestampTypeHandler());
            _registered = true;
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Timestamps.ToText(value);
        }
        else
        {
            parameter.Value = Timestamps.Normalize(value);
        }
    }

    public override DateTimeOffset Parse(object value) => Timestamps.Read(value);
}

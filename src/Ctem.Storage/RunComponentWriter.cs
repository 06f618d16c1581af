using System.Data;
using System.Data.Common;
using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>
/// Writes a run's inventory with one prepared statement executed per component: an inventory can hold
/// thousands of components, and re-parsing the statement for each would dominate the scan's write time.
/// </summary>
internal static class RunComponentWriter
{
    private const string InsertSql = """
        INSERT INTO run_components (run_id, ordinal, purl, ecosystem, name, version, bom_ref, location_path, location_pointer)
        VALUES (@run_id, @ordinal, @purl, @ecosystem, @name, @version, @bom_ref, @location_path, @location_pointer)
        """;

    public static async Task WriteAsync(
        DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<Component> components, CancellationToken cancellationToken)
    {
        if (components.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var run = Add(command, "run_id", DbType.Int64);
        var ordinal = Add(command, "ordinal", DbType.Int32);
        var purl = Add(command, "purl", DbType.String);
        var ecosystem = Add(command, "ecosystem", DbType.String);
        var name = Add(command, "name", DbType.String);
        var version = Add(command, "version", DbType.String);
        var bomRef = Add(command, "bom_ref", DbType.String);
        var path = Add(command, "location_path", DbType.String);
        var pointer = Add(command, "location_pointer", DbType.String);

        run.Value = runId;
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            ordinal.Value = i;
            purl.Value = Nullable(component.Purl?.ToString());
            ecosystem.Value = Nullable(component.Ecosystem);
            name.Value = component.Name;
            version.Value = Nullable(component.Version);
            bomRef.Value = Nullable(component.BomRef);
            path.Value = component.Location.Path;
            pointer.Value = Nullable(component.Location.Pointer);
            if (i == 0)
            {
                // Prepared once the parameters hold values, so providers that infer types from them can.
                await command.PrepareAsync(cancellationToken);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;
}

using Tomlyn.Model;

namespace Ctem.Plugins.Parsers;

/// <summary>Typed reads of a Tomlyn table: a missing key or a value of another type is null, never an exception.</summary>
internal static class TomlTableExtensions
{
    public static string? GetString(this TomlTable table, string key) => ValueOf(table, key) as string;

    public static bool? GetBool(this TomlTable table, string key) => ValueOf(table, key) is bool value ? value : null;

    public static long? GetInteger(this TomlTable table, string key) => ValueOf(table, key) is long value ? value : null;

    public static TomlTable? GetTable(this TomlTable table, string key) => ValueOf(table, key) as TomlTable;

    public static TomlArray? GetArray(this TomlTable table, string key) => ValueOf(table, key) as TomlArray;

    /// <summary>The tables of a <c>[[key]]</c> array, or of a static array holding only inline tables.</summary>
    public static IReadOnlyList<TomlTable>? GetTables(this TomlTable table, string key) => ValueOf(table, key) switch
    {
        TomlTableArray array => array.ToList(),
        TomlArray list when list.All(item => item is TomlTable) => list.Cast<TomlTable>().ToList(),
        _ => null,
    };

    private static object? ValueOf(TomlTable table, string key) => table.TryGetValue(key, out var value) ? value : null;
}

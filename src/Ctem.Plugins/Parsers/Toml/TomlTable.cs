namespace Ctem.Plugins.Parsers.Toml;

/// <summary>
/// A TOML table: its key/value pairs in file order and the line it starts on. Values are <see cref="string"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>,
/// <see cref="List{T}"/> of values, <see cref="TomlTable"/> or <see cref="TomlTableArray"/>.
/// </summary>
internal sealed class TomlTable(int line)
{
    public int Line { get; } = line;

    public Dictionary<string, object> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>True once a <c>[header]</c> or a key/value pair has defined the table: TOML forbids defining it again.</summary>
    internal bool Defined { get; set; }

    /// <summary>Inline tables (<c>{ a = 1 }</c>) are complete where they are written and cannot be extended.</summary>
    internal bool Inline { get; set; }

    public string? GetString(string key) => Values.GetValueOrDefault(key) as string;

    public bool? GetBool(string key) => Values.GetValueOrDefault(key) is bool value ? value : null;

    public long? GetInteger(string key) => Values.GetValueOrDefault(key) is long value ? value : null;

    public TomlTable? GetTable(string key) => Values.GetValueOrDefault(key) as TomlTable;

    public List<object>? GetArray(string key) => Values.GetValueOrDefault(key) as List<object>;

    /// <summary>The tables of a <c>[[key]]</c> array, or of a static array holding only inline tables.</summary>
    public IReadOnlyList<TomlTable>? GetTables(string key) => Values.GetValueOrDefault(key) switch
    {
        TomlTableArray array => array.Tables,
        List<object> list when list.All(item => item is TomlTable) => list.Cast<TomlTable>().ToList(),
        _ => null,
    };
}

namespace Ctem.Plugins.Parsers.Toml;

/// <summary>An array of tables (<c>[[name]]</c>): each header appends one table.</summary>
internal sealed class TomlTableArray
{
    public List<TomlTable> Tables { get; } = [];
}

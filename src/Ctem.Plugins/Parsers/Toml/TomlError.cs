namespace Ctem.Plugins.Parsers.Toml;

/// <summary>Why a TOML document could not be read, and where (one-based line and column).</summary>
internal sealed record TomlError(string Message, int Line, int Column)
{
    public string Location => $"{Line}:{Column}";
}

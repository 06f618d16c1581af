namespace Ctem.Plugins.Parsers.Toml;

/// <summary>Unwinds the recursive descent to <see cref="TomlReader.Parse(string)"/>, which turns it into a <see cref="TomlError"/>.</summary>
internal sealed class TomlSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

namespace Ctem.Plugins.Parsers.Dpkg;

/// <summary>One paragraph of a deb822 control file: its fields (names case-insensitive) and where it starts.</summary>
/// <param name="Line">One-based line of the stanza's first field.</param>
/// <param name="FieldLines">One-based line of each field, for locating a field's problems.</param>
internal sealed record DpkgStanza(int Line, IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, int> FieldLines)
{
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    public int LineOf(string field) => FieldLines.TryGetValue(field, out var line) ? line : Line;
}

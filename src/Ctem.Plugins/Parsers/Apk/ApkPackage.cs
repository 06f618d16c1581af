namespace Ctem.Plugins.Parsers.Apk;

/// <summary>One block of apk's installed database: its single-letter fields (first occurrence wins) and where it starts.</summary>
/// <param name="Line">One-based line of the block's <c>P:</c> field, or of its first line when it has none.</param>
internal sealed record ApkPackage(int Line, IReadOnlyDictionary<char, string> Fields)
{
    public string? this[char field] => Fields.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// An SSVC decision point (or outcome group) read from the embedded decision table: its identity and its values in
/// the table's order (ascending, as SSVC orders them). Exposed so explanations can quote the data's own wording.
/// </summary>
public sealed class SsvcDecisionPoint
{
    private readonly Dictionary<string, SsvcDecisionPointValue> _byText;

    internal SsvcDecisionPoint(string ns, string key, string version, string name, string definition, IReadOnlyList<SsvcDecisionPointValue> values)
    {
        Namespace = ns;
        Key = key;
        Version = version;
        Name = name;
        Definition = definition;
        Values = values;
        _byText = new Dictionary<string, SsvcDecisionPointValue>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            AddText(value.Key, value);
            AddText(value.Name, value);
        }
    }

    public string Namespace { get; }

    public string Key { get; }

    public string Version { get; }

    /// <summary>The SSVC identifier <c>namespace:key:version</c>, e.g. <c>ssvc:E:1.1.0</c>.</summary>
    public string Id => $"{Namespace}:{Key}:{Version}";

    public string Name { get; }

    public string Definition { get; }

    public IReadOnlyList<SsvcDecisionPointValue> Values { get; }

    /// <summary>Lists the accepted values for error messages, e.g. <c>None (N), Public PoC (P), Active (A)</c>.</summary>
    public string Expected => string.Join(", ", Values.Select(value => $"{value.Name} ({value.Key})"));

    /// <summary>The value with this data key exactly (keys are case-sensitive in the data: <c>T</c> vs <c>T*</c>).</summary>
    public SsvcDecisionPointValue? ByKey(string key) => Values.FirstOrDefault(value => value.Key == key);

    /// <summary>The value whose key or name matches, ignoring case, surrounding space, and inner spaces, '_' and '-'.</summary>
    public SsvcDecisionPointValue? Find(string text) => _byText.GetValueOrDefault(Normalize(text));

    /// <summary>Folds the spellings users and the CSV/JSON data use ("Public PoC", "public poc", "public_poc") together.</summary>
    internal static string Normalize(string text)
    {
        var kept = text.Trim().ToUpperInvariant().Where(c => c is not (' ' or '_' or '-')).ToArray();
        return new string(kept);
    }

    private void AddText(string text, SsvcDecisionPointValue value)
    {
        // A spelling that would name two values makes parsing ambiguous; that is a data error, caught on load.
        var normalized = Normalize(text);
        if (_byText.TryGetValue(normalized, out var existing) && existing != value)
        {
            throw new InvalidOperationException($"SSVC decision point {Id}: '{text}' names both {existing.Name} and {value.Name}");
        }

        _byText[normalized] = value;
    }
}

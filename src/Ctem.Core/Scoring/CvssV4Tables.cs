using System.Text.Json;

namespace Ctem.Core.Scoring;

/// <summary>
/// The FIRST CVSS v4.0 calculator tables, embedded from <c>CvssV4Tables/*.json</c> (see the NOTICE there) and read once.
/// Nested table entries are addressed by their JSON path joined with '/', e.g. <c>eq3/0/1</c> or <c>eq3eq6/2/1</c>.
/// </summary>
internal sealed class CvssV4Tables
{
    private static readonly Lazy<CvssV4Tables> Loaded = new(Load);

    private readonly Dictionary<string, double> _macroVectorScores;
    private readonly Dictionary<string, IReadOnlyList<string>> _maxComposed;
    private readonly Dictionary<string, double> _maxSeverity;

    private CvssV4Tables(
        Dictionary<string, double> macroVectorScores,
        Dictionary<string, IReadOnlyList<string>> maxComposed,
        Dictionary<string, double> maxSeverity)
    {
        _macroVectorScores = macroVectorScores;
        _maxComposed = maxComposed;
        _maxSeverity = maxSeverity;
    }

    public static CvssV4Tables Instance => Loaded.Value;

    /// <summary>The score of a MacroVector (six EQ digits), or null for a combination that does not exist.</summary>
    public double? MacroVectorScore(string macroVector) =>
        _macroVectorScores.TryGetValue(macroVector, out var score) ? score : null;

    /// <summary>The highest-severity vector fragments of one EQ level, e.g. <c>eq1/0</c> or <c>eq3/1/0</c> (EQ3 then EQ6).</summary>
    public IReadOnlyList<string> MaxComposed(string path) => _maxComposed[path];

    /// <summary>The depth of one EQ level in severity steps, e.g. <c>eq1/2</c> or <c>eq3eq6/0/1</c>.</summary>
    public double MaxSeverity(string path) => _maxSeverity[path];

    private static CvssV4Tables Load()
    {
        var macroVectorScores = new Dictionary<string, double>(StringComparer.Ordinal);
        var maxComposed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var maxSeverity = new Dictionary<string, double>(StringComparer.Ordinal);

        using (var lookup = Read("cvss_v4_macrovector_lookup.json"))
        {
            foreach (var entry in lookup.RootElement.EnumerateObject())
            {
                macroVectorScores[entry.Name] = entry.Value.GetDouble();
            }
        }

        using (var composed = Read("cvss_v4_max_composed.json"))
        {
            Flatten(composed.RootElement, string.Empty, (path, value) =>
                maxComposed[path] = value.EnumerateArray().Select(item => item.GetString()!).ToArray());
        }

        using (var severity = Read("cvss_v4_max_severity.json"))
        {
            Flatten(severity.RootElement, string.Empty, (path, value) => maxSeverity[path] = value.GetDouble());
        }

        return new CvssV4Tables(macroVectorScores, maxComposed, maxSeverity);
    }

    private static void Flatten(JsonElement element, string path, Action<string, JsonElement> leaf)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            leaf(path, element);
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Flatten(property.Value, path.Length == 0 ? property.Name : path + "/" + property.Name, leaf);
        }
    }

    private static JsonDocument Read(string fileName)
    {
        var assembly = typeof(CvssV4Tables).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        return JsonDocument.Parse(stream);
    }
}

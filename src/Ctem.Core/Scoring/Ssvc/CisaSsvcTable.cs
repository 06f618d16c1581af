using System.Text.Json;

namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// The CISA decision table (<c>cisa:DT_CO:2.0.3</c>), embedded from <c>Tables/cisa_coordinator_2_0_3.json</c> (see the
/// NOTICE there) and read once. Outcomes are looked up by the data keys of the four inputs; nothing is hard-coded.
/// </summary>
internal sealed class CisaSsvcTable
{
    public const string ResourceFile = "cisa_coordinator_2_0_3.json";

    private static readonly Lazy<CisaSsvcTable> Loaded = new(Load);

    private readonly Dictionary<string, SsvcDecisionPointValue> _outcomes;

    private CisaSsvcTable(
        string id, string name, SsvcDecisionPoint[] inputs, SsvcDecisionPoint outcome, Dictionary<string, SsvcDecisionPointValue> outcomes)
    {
        Id = id;
        Name = name;
        Exploitation = inputs[0];
        Automatable = inputs[1];
        TechnicalImpact = inputs[2];
        MissionAndWellbeing = inputs[3];
        Outcome = outcome;
        _outcomes = outcomes;
    }

    public static CisaSsvcTable Instance => Loaded.Value;

    /// <summary><c>namespace:key:version</c> of the table, e.g. <c>cisa:DT_CO:2.0.3</c>.</summary>
    public string Id { get; }

    public string Name { get; }

    public SsvcDecisionPoint Exploitation { get; }

    public SsvcDecisionPoint Automatable { get; }

    public SsvcDecisionPoint TechnicalImpact { get; }

    public SsvcDecisionPoint MissionAndWellbeing { get; }

    public SsvcDecisionPoint Outcome { get; }

    public int RowCount => _outcomes.Count;

    /// <summary>The outcome of one row, addressed by the data keys of the inputs in table order.</summary>
    public SsvcDecisionPointValue Lookup(string exploitation, string automatable, string technicalImpact, string missionAndWellbeing) =>
        _outcomes[RowKey(exploitation, automatable, technicalImpact, missionAndWellbeing)];

    private static string RowKey(params string[] keys) => string.Join('|', keys);

    private static CisaSsvcTable Load()
    {
        using var document = Read(ResourceFile);
        var root = document.RootElement;
        var points = root.GetProperty("decision_points").EnumerateObject()
            .ToDictionary(property => property.Name, property => ReadPoint(property.Value), StringComparer.Ordinal);

        SsvcDecisionPoint[] inputs =
        [
            Bind(points, SsvcBindings.Exploitation),
            Bind(points, SsvcBindings.Automatable),
            Bind(points, SsvcBindings.TechnicalImpact),
            Bind(points, SsvcBindings.MissionAndWellbeing),
        ];
        var outcome = points[root.GetProperty("outcome").GetString()!];
        Check(outcome, SsvcBindings.Outcome);

        var outcomes = new Dictionary<string, SsvcDecisionPointValue>(StringComparer.Ordinal);
        foreach (var row in root.GetProperty("mapping").EnumerateArray())
        {
            var keys = inputs.Select(point => ValueKey(row, point)).ToArray();
            if (!outcomes.TryAdd(RowKey(keys), outcome.ByKey(ValueKey(row, outcome))!))
            {
                throw new InvalidOperationException($"SSVC table {ResourceFile}: duplicate row {RowKey(keys)}");
            }
        }

        // A table that skips a combination would leave some inputs without a decision; refuse it up front.
        var combinations = inputs.Aggregate(1, (product, point) => product * point.Values.Count);
        if (outcomes.Count != combinations)
        {
            throw new InvalidOperationException($"SSVC table {ResourceFile}: {outcomes.Count} rows, expected {combinations}");
        }

        var id = $"{root.GetProperty("namespace").GetString()}:{root.GetProperty("key").GetString()}:{root.GetProperty("version").GetString()}";
        return new CisaSsvcTable(id, root.GetProperty("name").GetString()!, inputs, outcome, outcomes);
    }

    private static SsvcDecisionPoint Bind<TEnum>(Dictionary<string, SsvcDecisionPoint> points, SsvcValueBinding<TEnum> binding)
        where TEnum : struct, Enum
    {
        // Match on namespace and key, not version, so a minor data update is picked up; the keys are re-checked below.
        var point = points.Values.SingleOrDefault(p => p.Namespace == binding.PointNamespace && p.Key == binding.PointKey)
            ?? throw new InvalidOperationException($"SSVC table {ResourceFile}: no decision point {binding.PointNamespace}:{binding.PointKey}");
        Check(point, binding);
        return point;
    }

    private static void Check<TEnum>(SsvcDecisionPoint point, SsvcValueBinding<TEnum> binding)
        where TEnum : struct, Enum
    {
        var dataKeys = point.Values.Select(value => value.Key).Order(StringComparer.Ordinal);
        if (!dataKeys.SequenceEqual(binding.Keys.Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"SSVC table {ResourceFile}: {point.Id} has values {point.Expected}, {typeof(TEnum).Name} binds {string.Join(", ", binding.Keys)}");
        }
    }

    private static string ValueKey(JsonElement row, SsvcDecisionPoint point)
    {
        var key = row.GetProperty(point.Id).GetString()!;
        return point.ByKey(key) is null
            ? throw new InvalidOperationException($"SSVC table {ResourceFile}: {point.Id} has no value {key}")
            : key;
    }

    private static SsvcDecisionPoint ReadPoint(JsonElement element)
    {
        var values = element.GetProperty("values").EnumerateArray()
            .Select(value => new SsvcDecisionPointValue(Text(value, "key"), Text(value, "name"), Text(value, "definition")))
            .ToArray();
        return new SsvcDecisionPoint(
            Text(element, "namespace"), Text(element, "key"), Text(element, "version"), Text(element, "name"), Text(element, "definition"), values);
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? string.Empty;

    private static JsonDocument Read(string fileName)
    {
        var assembly = typeof(CisaSsvcTable).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        return JsonDocument.Parse(stream);
    }
}

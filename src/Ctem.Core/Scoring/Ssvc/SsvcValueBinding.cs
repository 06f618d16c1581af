namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// Ties a C# enum to the data keys of one decision point. Only names are bound here; which outcome a combination
/// gives comes from the embedded table alone. The table loader checks every bound key exists in the data.
/// </summary>
internal sealed class SsvcValueBinding<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _keys;

    public SsvcValueBinding(string pointNamespace, string pointKey, params (TEnum Value, string Key)[] pairs)
    {
        PointNamespace = pointNamespace;
        PointKey = pointKey;
        _keys = pairs.ToDictionary(pair => pair.Value, pair => pair.Key);
    }

    /// <summary>The namespace of the decision point this enum stands for, e.g. <c>ssvc</c>.</summary>
    public string PointNamespace { get; }

    /// <summary>The key of the decision point this enum stands for, e.g. <c>E</c>.</summary>
    public string PointKey { get; }

    public IEnumerable<string> Keys => _keys.Values;

    public string KeyOf(TEnum value) =>
        _keys.TryGetValue(value, out var key)
            ? key
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a defined {typeof(TEnum).Name}");

    public TEnum? ValueOf(string key)
    {
        foreach (var (value, bound) in _keys)
        {
            if (bound == key)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The enum member whose C# name matches (e.g. <c>TrackStar</c>, <c>PublicPoc</c>), ignoring case.</summary>
    public TEnum? ValueNamed(string text)
    {
        var normalized = SsvcDecisionPoint.Normalize(text);
        foreach (var value in _keys.Keys)
        {
            if (SsvcDecisionPoint.Normalize(value.ToString()) == normalized)
            {
                return value;
            }
        }

        return null;
    }
}

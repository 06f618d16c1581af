namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// Ties a C# enum to the data keys of one decision point. Only names are bound here; which outcome a combination
/// gives comes from the embedded table alone. The table loader checks every bound key exists in the data.
/// </summary>
internal sealed class SsvcValueBinding<TEnum>
    where TEnum : struct, Enum
{
    // Two to four pairs: arrays searched in order, not a dictionary, whose instantiation over each enum the JIT
    // would compile at start-up (ReadyToRun cannot hold the framework's generics over Ctem's enums).
    private readonly TEnum[] _values;
    private readonly string[] _keys;

    public SsvcValueBinding(string pointNamespace, string pointKey, params (TEnum Value, string Key)[] pairs)
    {
        PointNamespace = pointNamespace;
        PointKey = pointKey;
        _values = new TEnum[pairs.Length];
        _keys = new string[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            if (IndexOf(pairs[i].Value) is var bound and >= 0 && bound < i)
            {
                throw new ArgumentException($"{pairs[i].Value} is bound twice", nameof(pairs));
            }

            (_values[i], _keys[i]) = pairs[i];
        }
    }

    /// <summary>The namespace of the decision point this enum stands for, e.g. <c>ssvc</c>.</summary>
    public string PointNamespace { get; }

    /// <summary>The key of the decision point this enum stands for, e.g. <c>E</c>.</summary>
    public string PointKey { get; }

    public IEnumerable<string> Keys => _keys;

    public string KeyOf(TEnum value) =>
        IndexOf(value) is var i and >= 0
            ? _keys[i]
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a defined {typeof(TEnum).Name}");

    public TEnum? ValueOf(string key)
    {
        var i = Array.IndexOf(_keys, key);
        return i >= 0 ? _values[i] : null;
    }

    /// <summary>The enum member whose C# name matches (e.g. <c>TrackStar</c>, <c>PublicPoc</c>), ignoring case.</summary>
    public TEnum? ValueNamed(string text)
    {
        var normalized = SsvcDecisionPoint.Normalize(text);
        foreach (var value in _values)
        {
            if (SsvcDecisionPoint.Normalize(value.ToString()) == normalized)
            {
                return value;
            }
        }

        return null;
    }

    private int IndexOf(TEnum value)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(_values[i], value))
            {
                return i;
            }
        }

        return -1;
    }
}

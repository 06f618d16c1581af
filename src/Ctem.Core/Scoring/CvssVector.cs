using System.Text;

namespace Ctem.Core.Scoring;

/// <summary>
/// A syntactically valid CVSS vector: its version and the metrics it gives, as written (not-defined values included).
/// <see cref="ToString"/> gives the normalized form: canonical metric order, not-defined metrics dropped.
/// </summary>
public sealed class CvssVector
{
    private readonly IReadOnlyDictionary<string, string> _metrics;

    internal CvssVector(string version, IReadOnlyDictionary<string, string> metrics)
    {
        Version = version;
        _metrics = metrics;
    }

    /// <summary>"2.0", "3.0", "3.1" or "4.0".</summary>
    public string Version { get; }

    /// <summary>The metrics as written, keyed by abbreviation.</summary>
    public IReadOnlyDictionary<string, string> Metrics => _metrics;

    /// <summary>The value of a metric, or null when it is absent or not defined (<c>X</c> / <c>ND</c>).</summary>
    public string? Get(string metric) =>
        _metrics.TryGetValue(metric, out var value) && value != CvssMetricCatalog.NotDefined(Version) ? value : null;

    internal bool Defines(CvssMetricGroup group) =>
        CvssMetricCatalog.For(Version).Any(definition => definition.Group == group && Get(definition.Name) is not null);

    public override string ToString()
    {
        // v2.0 vectors are conventionally written without a prefix (NVD, the FIRST guide); later versions require one.
        var builder = new StringBuilder(Version == CvssMetricCatalog.V20 ? string.Empty : "CVSS:" + Version);
        foreach (var definition in CvssMetricCatalog.For(Version))
        {
            if (Get(definition.Name) is { } value)
            {
                if (builder.Length > 0)
                {
                    builder.Append('/');
                }

                builder.Append(definition.Name).Append(':').Append(value);
            }
        }

        return builder.ToString();
    }
}

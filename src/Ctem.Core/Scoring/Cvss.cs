using Ctem.Core.Text;

namespace Ctem.Core.Scoring;

/// <summary>Parses and scores CVSS v2.0, v3.0, v3.1 and v4.0 vectors.</summary>
public static class Cvss
{
    /// <summary>
    /// Parses a vector and computes its scores. Bad input (unknown version, unknown, duplicate or missing metrics,
    /// invalid values) gives a failed result whose error names the offending metric.
    /// </summary>
    public static ParseResult<CvssScore> Parse(string vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (Scored.TryGetValue(vector, out var known))
        {
            return known;
        }

        var parsed = ParseVector(vector);
        return Remember(Scored, vector, parsed.Success ? ParseResult<CvssScore>.Ok(Score(parsed.Value)) : ParseResult<CvssScore>.Fail(parsed.Error));
    }

    private const int MaxRemembered = 50_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ParseResult<CvssScore>> Scored = new(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ParseResult<CvssVector>> Parsed = new(StringComparer.Ordinal);

    /// <summary>Parses a vector without scoring it.</summary>
    public static ParseResult<CvssVector> ParseVector(string vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return Parsed.TryGetValue(vector, out var known) ? known : Remember(Parsed, vector, CvssVectorParser.Parse(vector));
    }

    // Findings repeat a few thousand distinct vectors over and over (a vector is immutable, so one parse serves them
    // all); the bound keeps hostile input from growing the table.
    private static ParseResult<T> Remember<T>(System.Collections.Concurrent.ConcurrentDictionary<string, ParseResult<T>> table, string vector, ParseResult<T> result)
        where T : class
    {
        if (table.Count < MaxRemembered)
        {
            table.TryAdd(vector, result);
        }

        return result;
    }

    /// <summary>Computes the scores of a parsed vector.</summary>
    public static CvssScore Score(CvssVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Version switch
        {
            CvssMetricCatalog.V20 => CvssV2Calculator.Score(vector),
            CvssMetricCatalog.V40 => CvssV4Calculator.Score(vector),
            _ => CvssV3Calculator.Score(vector),
        };
    }
}

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
        var parsed = ParseVector(vector);
        return parsed.Success ? ParseResult<CvssScore>.Ok(Score(parsed.Value)) : ParseResult<CvssScore>.Fail(parsed.Error);
    }

    /// <summary>Parses a vector without scoring it.</summary>
    public static ParseResult<CvssVector> ParseVector(string vector) => CvssVectorParser.Parse(vector);

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

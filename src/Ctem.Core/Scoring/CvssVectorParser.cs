using Ctem.Core.Text;

namespace Ctem.Core.Scoring;

/// <summary>
/// Reads a CVSS vector string: <c>CVSS:3.0/</c>, <c>CVSS:3.1/</c>, <c>CVSS:4.0/</c> prefixed vectors, and v2.0
/// vectors with or without <c>CVSS:2.0/</c> and with or without the parentheses NVD used to print around them.
/// </summary>
internal static class CvssVectorParser
{
    private const string Prefix = "CVSS:";

    public static ParseResult<CvssVector> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        if (rest.Length > 1 && rest[0] == '(' && rest[^1] == ')')
        {
            rest = rest[1..^1].Trim();
        }

        if (rest.Length == 0)
        {
            return Fail("the CVSS vector is empty");
        }

        var version = CvssMetricCatalog.V20;
        var prefixed = rest.StartsWith(Prefix, StringComparison.Ordinal);
        if (prefixed)
        {
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            version = slash < 0 ? rest[Prefix.Length..] : rest[Prefix.Length..slash];
            if (!CvssMetricCatalog.Versions.Contains(version))
            {
                return Fail($"unsupported CVSS version '{version}' (expected 2.0, 3.0, 3.1 or 4.0)");
            }

            if (slash < 0 || slash == rest.Length - 1)
            {
                return Fail($"the CVSS v{version} vector has no metrics");
            }

            rest = rest[(slash + 1)..];
        }

        return ParseMetrics(version, rest, prefixed);
    }

    private static ParseResult<CvssVector> ParseMetrics(string version, string text, bool prefixed)
    {
        var definitions = CvssMetricCatalog.For(version).ToDictionary(definition => definition.Name, StringComparer.Ordinal);
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = text.Split('/');
        for (var index = 0; index < fields.Length; index++)
        {
            var field = fields[index];
            if (field.Length == 0)
            {
                return Fail($"empty metric at position {index + 1} of the CVSS v{version} vector (stray '/')");
            }

            var parts = field.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return Fail($"malformed metric '{field}' in the CVSS v{version} vector (expected NAME:VALUE)");
            }

            var (name, value) = (parts[0], parts[1]);
            if (!definitions.TryGetValue(name, out var definition))
            {
                // An unprefixed vector is read as v2.0, so a v3/v4 vector that lost its prefix lands here.
                var hint = prefixed ? string.Empty : " (v3.x and v4.0 vectors need their 'CVSS:x.y/' prefix)";
                return Fail($"unknown metric '{name}' in the CVSS v{version} vector{hint}");
            }

            if (!definition.Values.Contains(value))
            {
                return Fail(
                    $"invalid value '{value}' for metric '{name}' in the CVSS v{version} vector " +
                    $"(expected one of {string.Join(", ", definition.Values)})");
            }

            if (!metrics.TryAdd(name, value))
            {
                return Fail($"duplicate metric '{name}' in the CVSS v{version} vector");
            }
        }

        var missing = definitions.Values.Where(d => d.Mandatory && !metrics.ContainsKey(d.Name)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "metric" : "metrics";
            return Fail($"missing mandatory base {noun} {string.Join(", ", missing)} in the CVSS v{version} vector");
        }

        return ParseResult<CvssVector>.Ok(new CvssVector(version, metrics));
    }

    private static ParseResult<CvssVector> Fail(string error) => ParseResult<CvssVector>.Fail(error);
}

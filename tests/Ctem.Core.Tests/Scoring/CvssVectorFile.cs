using System.Globalization;

namespace Ctem.Core.Tests.Scoring;

/// <summary>
/// A "cvss-line" vector file (RedHatProductSecurity/cvss tests): <c>&lt;vector&gt; - &lt;expected&gt;</c> per line, the
/// expected part either a tuple such as <c>(5.0, None, 4.2)</c> / <c>(9.2,)</c> or a single score.
/// </summary>
internal static class CvssVectorFile
{
    private const string Separator = " - ";

    public static IEnumerable<(int Line, string Vector, IReadOnlyList<double?> Expected)> Read(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var separator = line.LastIndexOf(Separator, StringComparison.Ordinal);
            if (separator < 0)
            {
                throw new FormatException($"{path}:{lineNumber}: no ' - ' between vector and expected scores");
            }

            var expected = line[(separator + Separator.Length)..].Trim().Trim('(', ')')
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(value => value == "None" ? (double?)null : double.Parse(value, CultureInfo.InvariantCulture))
                .ToList();
            yield return (lineNumber, line[..separator].Trim(), expected);
        }
    }

    public static string Format(double? score) => score?.ToString("0.0###", CultureInfo.InvariantCulture) ?? "None";
}

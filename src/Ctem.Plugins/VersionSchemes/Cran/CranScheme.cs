using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Cran;

/// <summary>
/// R package versions as <c>package_version</c> and <c>compareVersion</c> order them: non-negative integers
/// separated by "." or "-" (the two separators are interchangeable, so "0.1-0" equals "0.1.0"), compared number by
/// number, where a version that is a prefix of another sorts first ("0.1.0" &lt; "0.1.0.0").
/// </summary>
public sealed class CranScheme : IVersionScheme
{
    public static CranScheme Instance { get; } = new();

    public string Name => "cran";

    public IReadOnlyList<string> Ecosystems { get; } = ["CRAN"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = "an empty string is not a CRAN version";
            return false;
        }

        var numbers = new List<string>();
        foreach (var range in span.SplitAny('.', '-'))
        {
            var part = span[range];
            if (part.IsEmpty || !DigitString.IsDigits(part))
            {
                error = $"'{text}' is not a CRAN version (expected non-negative integers separated by '.' or '-')";
                return false;
            }

            numbers.Add(DigitString.TrimZeros(part));
        }

        version = new CranVersion(text, [.. numbers]);
        error = null;
        return true;
    }

    private sealed class CranVersion(string text, string[] numbers) : ISchemeVersion
    {
        public string Text => text;

        private string[] Numbers => numbers;

        public int CompareTo(ISchemeVersion? other)
        {
            if (other is not CranVersion that)
            {
                throw new InvalidOperationException($"cannot compare a CRAN version with {other?.GetType().Name ?? "null"}");
            }

            for (var i = 0; i < Math.Min(numbers.Length, that.Numbers.Length); i++)
            {
                var order = DigitString.Compare(numbers[i], that.Numbers[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            // R's compareVersion: with a common prefix the version with more components is the newer one.
            return numbers.Length.CompareTo(that.Numbers.Length);
        }
    }
}

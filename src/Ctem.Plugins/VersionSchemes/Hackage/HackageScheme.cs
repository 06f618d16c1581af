using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Hackage;

/// <summary>
/// Haskell package versions as <c>Data.Version</c> and Cabal order them (PVP): dot-separated non-negative
/// integers compared number by number, where a version that is a prefix of another sorts first ("1.0" &lt; "1.0.0").
/// The deprecated <c>Data.Version</c> tags ("1.0-foo") never appear on Hackage and are rejected.
/// </summary>
public sealed class HackageScheme : IVersionScheme
{
    public static HackageScheme Instance { get; } = new();

    public string Name => "hackage";

    public IReadOnlyList<string> Ecosystems { get; } = ["Hackage"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = "an empty string is not a Hackage version";
            return false;
        }

        var numbers = new List<string>();
        foreach (var range in span.Split('.'))
        {
            var part = span[range];
            if (part.IsEmpty || !DigitString.IsDigits(part))
            {
                error = $"'{text}' is not a Hackage version (expected dot-separated non-negative integers)";
                return false;
            }

            numbers.Add(DigitString.TrimZeros(part));
        }

        version = new HackageVersion(text, [.. numbers]);
        error = null;
        return true;
    }

    private sealed class HackageVersion(string text, string[] numbers) : ISchemeVersion
    {
        public string Text => text;

        private string[] Numbers => numbers;

        public int CompareTo(ISchemeVersion? other)
        {
            if (other is not HackageVersion that)
            {
                throw new InvalidOperationException($"cannot compare a Hackage version with {other?.GetType().Name ?? "null"}");
            }

            for (var i = 0; i < Math.Min(numbers.Length, that.Numbers.Length); i++)
            {
                var order = DigitString.Compare(numbers[i], that.Numbers[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            // Haskell list ordering: a proper prefix is smaller, so trailing zeros are significant.
            return numbers.Length.CompareTo(that.Numbers.Length);
        }
    }
}

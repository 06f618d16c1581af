using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>A Composer version as its canonical parts, compared the way PHP's <c>version_compare</c> walks them.</summary>
internal sealed class PackagistVersion(string text, string[] parts) : ISchemeVersion
{
    // version_compare ranks a number between RC and pl, as the special form "#".
    private const int NumberRank = 4;

    public string Text => text;

    private string[] Parts => parts;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not PackagistVersion that)
        {
            throw new InvalidOperationException($"cannot compare a Packagist version with {other?.GetType().Name ?? "null"}");
        }

        var common = Math.Min(parts.Length, that.Parts.Length);
        for (var i = 0; i < common; i++)
        {
            var order = ComparePart(parts[i], that.Parts[i]);
            if (order != 0)
            {
                return order;
            }
        }

        // The longer version wins if it goes on with a number (1.0.1 > 1.0); if it goes on with a word, that word
        // is ranked against a number (1.0pl1 > 1.0 > 1.0RC1).
        if (parts.Length != that.Parts.Length)
        {
            var longer = parts.Length > that.Parts.Length ? parts : that.Parts;
            var sign = parts.Length > that.Parts.Length ? 1 : -1;
            var next = longer[common];
            return sign * (IsNumber(next) ? 1 : Math.Sign(Rank(next) - NumberRank));
        }

        return 0;
    }

    private static int ComparePart(string a, string b) => (IsNumber(a), IsNumber(b)) switch
    {
        (true, true) => DigitString.Compare(DigitString.TrimZeros(a), DigitString.TrimZeros(b)),
        (false, false) => Math.Sign(Rank(a) - Rank(b)),
        (true, false) => Math.Sign(NumberRank - Rank(b)),
        (false, true) => Math.Sign(Rank(a) - NumberRank),
    };

    /// <summary>
    /// The rank of a word by the special form it starts with, case-sensitively as PHP matches them: "alpha" and "a"
    /// share a rank, as do "beta"/"b", "RC"/"rc" and "pl"/"p" ("patch" starts with "p"); any other word ranks lowest.
    /// </summary>
    private static int Rank(string word) => word switch
    {
        _ when word.StartsWith("dev", StringComparison.Ordinal) => 0,
        _ when word.StartsWith('a') => 1,
        _ when word.StartsWith('b') => 2,
        _ when word.StartsWith("RC", StringComparison.Ordinal) || word.StartsWith("rc", StringComparison.Ordinal) => 3,
        _ when word.StartsWith('p') => 5,
        _ => -1,
    };

    private static bool IsNumber(string part) => char.IsAsciiDigit(part[0]);
}

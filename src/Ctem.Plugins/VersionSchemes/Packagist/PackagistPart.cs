using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>
/// One part of a canonical PHP version. Parts order on one scale, numbers among themselves by value, words of one
/// rank as equals: an empty last part (the version ended in a separator), any other word, dev, alpha = a,
/// beta = b, RC = rc, the end of a version, a word starting with "#", a number, pl = p.
/// </summary>
internal readonly record struct PackagistPart(int Rank, string? Digits)
{
    private const int NumberRank = 8;

    /// <summary>Where a version has run out: below a number (1.0 &lt; 1.0.0) but above RC (1.0RC1 &lt; 1.0).</summary>
    public static PackagistPart End { get; } = new(6, null);

    /// <summary>version_compare stops at a trailing separator and ranks what is left, nothing, below anything.</summary>
    public static PackagistPart TrailingEmpty { get; } = new(0, null);

    public static PackagistPart Number(string digits) => new(NumberRank, DigitString.TrimZeros(digits));

    /// <summary>
    /// A word ranked by the special form it starts with, case-sensitively as PHP matches them: "alpha" and "a" share
    /// a rank, as do "beta"/"b", "RC"/"rc" and "pl"/"p" ("patch" starts with "p"). PHP ranks a word starting with
    /// "#" equal to every number, which no order can keep (it would equal both 1 and 2); it sorts just below them.
    /// </summary>
    public static PackagistPart Word(ReadOnlySpan<byte> word) => new(word switch
    {
        _ when word.StartsWith("dev"u8) => 2,
        [(byte)'a', ..] => 3,
        [(byte)'b', ..] => 4,
        _ when word.StartsWith("RC"u8) || word.StartsWith("rc"u8) => 5,
        [(byte)'#', ..] => 7,
        [(byte)'p', ..] => 9,
        _ => 1,
    }, null);

    public int CompareTo(PackagistPart other) => (Digits, other.Digits) switch
    {
        ({ } mine, { } theirs) => DigitString.Compare(mine, theirs),
        _ => Rank.CompareTo(other.Rank),
    };
}

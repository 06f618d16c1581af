using System.Globalization;

namespace Ctem.Plugins.VersionSchemes.Maven;

/// <summary>
/// A string item. Known qualifiers rank by their position in <see cref="Known"/>; unknown ones rank after all of
/// them, lexically. The rank is a string so both cases compare with one ordinal comparison, as Maven does.
/// </summary>
internal sealed class MavenQualifierItem : MavenItem
{
    private static readonly string[] Known = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    private static readonly string ReleaseRank = Rank("");

    private readonly string _rank;

    public MavenQualifierItem(string value, bool followedByDigit)
    {
        if (followedByDigit && value.Length == 1)
        {
            // a1 = alpha-1, b1 = beta-1, m1 = milestone-1; a lone "a" is just an unknown qualifier.
            value = value[0] switch
            {
                'a' => "alpha",
                'b' => "beta",
                'm' => "milestone",
                _ => value,
            };
        }

        value = value switch
        {
            "ga" or "final" or "release" => "",
            "cr" => "rc",
            _ => value,
        };
        _rank = Rank(value);
    }

    public override bool IsNull => _rank == ReleaseRank;

    public override int CompareTo(MavenItem? other) => other switch
    {
        // 1-rc < 1 but 1-sp > 1.
        null => Math.Sign(string.CompareOrdinal(_rank, ReleaseRank)),
        MavenQualifierItem qualifier => Math.Sign(string.CompareOrdinal(_rank, qualifier._rank)),

        // A qualifier ranks below a number (1.any < 1.1) and below a sub-list (1.any < 1-1).
        _ => -1,
    };

    private static string Rank(string qualifier)
    {
        var index = Array.IndexOf(Known, qualifier);
        return index < 0 ? $"{Known.Length}-{qualifier}" : index.ToString(CultureInfo.InvariantCulture);
    }
}

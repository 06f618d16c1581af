using Ctem.Core.Versioning;
namespace Ctem.Plugins.VersionSchemes.Alpine;

/// <summary>One <c>_suffix{number}</c>; <see cref="Weight"/> orders the suffix names, <see cref="Number"/> has no leading zeros.</summary>
internal readonly record struct AlpineSuffix(int Weight, string Number)
{
    // apk's order: alpha < beta < pre < rc < (no suffix) < cvs < svn < git < hg < p.
    private static readonly string[] Names = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];

    /// <summary>What a missing suffix compares as: the release itself.</summary>
    public static AlpineSuffix Release { get; } = new(Array.IndexOf(Names, ""), "0");

    public static IEnumerable<string> KnownNames => Names.Where(n => n.Length > 0);

    public static int WeightOf(string name) => Array.IndexOf(Names, name);

    public int CompareTo(AlpineSuffix other)
    {
        var order = Weight.CompareTo(other.Weight);
        return order != 0 ? order : DigitString.Compare(Number, other.Number);
    }
}

namespace Ctem.Core.Versioning;

/// <summary>
/// The order of the free-form versions in CPE names and NVD's ranges (<c>8.2p1</c>, <c>2.4.41</c>, <c>1.18.0</c>,
/// <c>2.8.94-0ubuntu1.4</c>), which follow no one scheme. A version is read as runs of digits and runs of letters
/// (anything else separates them); runs compare pairwise, digits as numbers, letters case-insensitively, and a number
/// after a word at the same place. When one version is the other plus more runs, the longer is later (<c>8.2p1</c> after
/// <c>8.2</c>, <c>1.0.1</c> after <c>1.0</c>) unless what follows is a pre-release word (<c>alpha</c>, <c>beta</c>,
/// <c>rc</c>, <c>pre</c>, <c>dev</c>): <c>2.4.0-rc1</c> is before <c>2.4.0</c>.
/// </summary>
public static class CpeVersionOrder
{
    private static readonly HashSet<string> PreRelease = new(StringComparer.OrdinalIgnoreCase) { "alpha", "a", "beta", "b", "rc", "pre", "preview", "dev" };

    /// <summary>-1, 0 or 1; total over any texts.</summary>
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = Runs(left);
        var b = Runs(right);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var order = CompareRun(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Count == b.Count ? 0
            : a.Count > b.Count ? Tail(a[b.Count])
            : -Tail(b[a.Count]);
    }

    // What the longer version holds beyond the shorter makes it later, unless that is a pre-release word.
    private static int Tail(string first) => PreRelease.Contains(first) ? -1 : 1;

    private static int CompareRun(string a, string b)
    {
        var digitsA = char.IsAsciiDigit(a[0]);
        var digitsB = char.IsAsciiDigit(b[0]);
        return (digitsA, digitsB) switch
        {
            (true, true) => DigitString.Compare(DigitString.TrimZeros(a), DigitString.TrimZeros(b)),
            (true, false) => 1,
            (false, true) => -1,
            _ => Math.Sign(string.Compare(a, b, StringComparison.OrdinalIgnoreCase)),
        };
    }

    private static List<string> Runs(string version)
    {
        var runs = new List<string>();
        var start = -1;
        for (var i = 0; i <= version.Length; i++)
        {
            var kind = i < version.Length ? KindOf(version[i]) : 0;
            if (start >= 0 && kind != KindOf(version[start]))
            {
                runs.Add(version[start..i]);
                start = -1;
            }

            if (start < 0 && kind != 0)
            {
                start = i;
            }
        }

        return runs;
    }

    private static int KindOf(char c) => char.IsAsciiDigit(c) ? 1 : char.IsAsciiLetter(c) ? 2 : 0;
}

namespace Ctem.Plugins.VersionSchemes.Rpm;

/// <summary>
/// rpm's rpmvercmp: runs of ASCII digits or ASCII letters compared left to right, every other character only
/// separating them. '~' sorts before anything, even the end; '^' sorts after the end but before anything else.
/// </summary>
internal static class RpmVerCmp
{
    public static int Compare(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var i = 0;
        var j = 0;
        while (i < a.Length || j < b.Length)
        {
            i = SkipSeparators(a, i);
            j = SkipSeparators(b, j);

            if (At(a, i) == '~' || At(b, j) == '~')
            {
                if (At(a, i) != '~')
                {
                    return 1;
                }

                if (At(b, j) != '~')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (At(a, i) == '^' || At(b, j) == '^')
            {
                if (i == a.Length)
                {
                    return -1;
                }

                if (j == b.Length)
                {
                    return 1;
                }

                if (At(a, i) != '^')
                {
                    return 1;
                }

                if (At(b, j) != '^')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (i == a.Length || j == b.Length)
            {
                break;
            }

            var order = CompareSegment(a, ref i, b, ref j);
            if (order != 0)
            {
                return order;
            }
        }

        if (i == a.Length && j == b.Length)
        {
            return 0;
        }

        return i == a.Length ? -1 : 1;
    }

    // Takes the digit (or letter) run at a[i] and the same kind of run at b[j]; a number beats a word.
    private static int CompareSegment(string a, ref int i, string b, ref int j)
    {
        var numeric = char.IsAsciiDigit(a[i]);
        Func<char, bool> kind = numeric ? char.IsAsciiDigit : char.IsAsciiLetter;
        var startA = i;
        var startB = j;
        while (i < a.Length && kind(a[i]))
        {
            i++;
        }

        while (j < b.Length && kind(b[j]))
        {
            j++;
        }

        if (j == startB)
        {
            return numeric ? 1 : -1;
        }

        var left = a.AsSpan(startA, i - startA);
        var right = b.AsSpan(startB, j - startB);
        if (numeric)
        {
            // Without leading zeros the longer number is larger, so no integer conversion (and no overflow) is needed.
            left = left.TrimStart('0');
            right = right.TrimStart('0');
            if (left.Length != right.Length)
            {
                return left.Length.CompareTo(right.Length);
            }
        }

        return Math.Sign(left.SequenceCompareTo(right));
    }

    private static int SkipSeparators(string s, int index)
    {
        while (index < s.Length && !char.IsAsciiLetterOrDigit(s[index]) && s[index] is not ('~' or '^'))
        {
            index++;
        }

        return index;
    }

    private static char At(string s, int index) => index < s.Length ? s[index] : '\0';
}

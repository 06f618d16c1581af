namespace Ctem.Plugins.VersionSchemes.Debian;

/// <summary>dpkg's verrevcmp: alternating non-digit and digit runs, compared left to right.</summary>
internal static class DebianVerRevComparer
{
    public static int Compare(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var left = Order(a, i);
                var right = Order(b, j);
                if (left != right)
                {
                    return left < right ? -1 : 1;
                }

                i++;
                j++;
            }

            var order = CompareDigitRun(a, ref i, b, ref j);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    // Leading zeros are skipped, so a longer remaining run is the larger number; no integer conversion, no overflow.
    private static int CompareDigitRun(string a, ref int i, string b, ref int j)
    {
        while (i < a.Length && a[i] == '0')
        {
            i++;
        }

        while (j < b.Length && b[j] == '0')
        {
            j++;
        }

        var firstDifference = 0;
        while (i < a.Length && j < b.Length && char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
        {
            if (firstDifference == 0)
            {
                firstDifference = a[i].CompareTo(b[j]);
            }

            i++;
            j++;
        }

        if (i < a.Length && char.IsAsciiDigit(a[i]))
        {
            return 1;
        }

        if (j < b.Length && char.IsAsciiDigit(b[j]))
        {
            return -1;
        }

        return Math.Sign(firstDifference);
    }

    // The end of the string (and a digit, which ends a non-digit run) weighs 0; '~' sorts before it, letters after it,
    // and every other character after all letters.
    private static int Order(string s, int index)
    {
        if (index >= s.Length || char.IsAsciiDigit(s[index]))
        {
            return 0;
        }

        var c = s[index];
        if (char.IsAsciiLetter(c))
        {
            return c;
        }

        return c == '~' ? -1 : c + 256;
    }
}

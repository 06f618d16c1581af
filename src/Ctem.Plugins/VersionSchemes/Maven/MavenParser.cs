using System.Globalization;
using System.Text;

namespace Ctem.Plugins.VersionSchemes.Maven;

/// <summary>
/// Splits a Maven version into items the way <c>ComparableVersion.parseVersion</c> does: '.' separates items,
/// '-' and every digit/letter transition open a nested list, an empty item counts as 0, and once parsed every list
/// drops its trailing null items, innermost first.
/// </summary>
internal static class MavenParser
{
    public static MavenListItem Parse(string text)
    {
        var version = NormalizeDigits(text.ToLowerInvariant());
        var root = new MavenListItem();
        var list = root;
        var opened = new Stack<MavenListItem>();
        opened.Push(list);

        var isDigit = false;
        var start = 0;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c == '.' || c == '-')
            {
                list.Add(i == start ? MavenNumberItem.Zero : Item(isDigit, version[start..i]));
                start = i + 1;
                if (c == '-')
                {
                    list = OpenList(list, opened);
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    // A qualifier directly followed by a number: "a1" reads as alpha-1.
                    list.Add(new MavenQualifierItem(version[start..i], followedByDigit: true));
                    start = i;
                    list = OpenList(list, opened);
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Add(Item(true, version[start..i]));
                    start = i;
                    list = OpenList(list, opened);
                }

                isDigit = false;
            }
        }

        if (version.Length > start)
        {
            list.Add(Item(isDigit, version[start..]));
        }

        while (opened.Count > 0)
        {
            opened.Pop().Normalize();
        }

        return root;
    }

    private static MavenListItem OpenList(MavenListItem parent, Stack<MavenListItem> opened)
    {
        var child = new MavenListItem();
        parent.Add(child);
        opened.Push(child);
        return child;
    }

    private static MavenItem Item(bool isDigit, string text) =>
        isDigit ? MavenNumberItem.Parse(text) : new MavenQualifierItem(text, followedByDigit: false);

    // Maven treats any Unicode decimal digit as a digit (Java's Character.isDigit); mapping them to ASCII keeps the
    // numeric comparison on plain digit strings.
    private static string NormalizeDigits(string text)
    {
        if (text.All(c => !char.IsDigit(c) || char.IsAsciiDigit(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsDigit(c) ? (char)('0' + (int)CharUnicodeInfo.GetDecimalDigitValue(c)) : c);
        }

        return builder.ToString();
    }
}

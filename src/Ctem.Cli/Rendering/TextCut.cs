using System.Globalization;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>Where a table cell's text gives way when it is wider than its column.</summary>
public enum CutAt
{
    /// <summary>Keep the start: prose, version lists.</summary>
    End = 0,

    /// <summary>Keep both ends: names and paths, whose start says where and whose end says what.</summary>
    Middle,
}

/// <summary>Cuts text to a number of terminal cells with "…", counting wide characters as the terminal does.</summary>
public static class TextCut
{
    public const string Ellipsis = "…";

    public static int Width(string text) => text.GetCellWidth();

    /// <summary>
    /// The text on one line: a line break inside a cell would split the finding's row in two, and an escape character
    /// from a report would be read by the terminal.
    /// </summary>
    public static string OneLine(string text) =>
        text.Any(char.IsControl)
            ? string.Join(' ', string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : text;

    public static string ToWidth(string text, int width, CutAt cutAt = CutAt.End)
    {
        if (Width(text) <= width)
        {
            return text;
        }

        if (width <= 1)
        {
            return width == 1 ? Ellipsis : "";
        }

        var elements = TextElements(text);
        var room = width - 1;
        if (cutAt == CutAt.End)
        {
            return string.Concat(Take(elements, room)) + Ellipsis;
        }

        // The end of a name is what tells it apart from its neighbours, so it gets the larger half.
        var tail = Take(Enumerable.Reverse(elements), room - (room / 2));
        var head = Take(elements, room - tail.Sum(Width));
        return string.Concat(head) + Ellipsis + string.Concat(Enumerable.Reverse(tail));
    }

    private static List<string> Take(IEnumerable<string> elements, int width)
    {
        var taken = new List<string>();
        foreach (var element in elements)
        {
            width -= Width(element);
            if (width < 0)
            {
                break;
            }

            taken.Add(element);
        }

        return taken;
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}

namespace Ctem.Reporting;

/// <summary>Text made safe for a Markdown table cell.</summary>
public static class MarkdownText
{
    // A pipe would end the cell, a line break the row; backticks would open code spans.
    public static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ');

    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

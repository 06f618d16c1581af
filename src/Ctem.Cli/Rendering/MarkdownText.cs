namespace Ctem.Cli.Rendering;

/// <summary>Text made safe for a Markdown table cell.</summary>
public static class MarkdownText
{
    // A pipe would end the cell, a line break the row; backticks would open code spans.
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("|", "\\|", StringComparison.Ordinal).Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ');
    }
}

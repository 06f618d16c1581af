namespace Ctem.Cli.Rendering;

public static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string Csv = "csv";
    public const string Markdown = "markdown";

    public static readonly string[] All = [Table, Json, Sarif, Csv, Markdown];

    /// <summary>Writes findings in one of the list formats (SARIF, CSV, Markdown); false for the others.</summary>
    public static bool TryWriteList(TextWriter output, string format, IReadOnlyList<FindingView> findings)
    {
        switch (format)
        {
            case Sarif:
                SarifOutput.Write(output, findings);
                return true;
            case Csv:
                CsvOutput.Write(output, findings);
                return true;
            case Markdown:
                MarkdownOutput.Write(output, findings);
                return true;
            default:
                return false;
        }
    }
}

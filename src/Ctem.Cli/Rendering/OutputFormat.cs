namespace Ctem.Cli.Rendering;

public static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string Csv = "csv";
    public const string Markdown = "markdown";

    /// <summary>What a command that lists findings writes.</summary>
    public static readonly string[] Lists = [Table, Json, Sarif, Csv, Markdown];

    /// <summary>What a command that reports what it did (an import, an update, a status) writes.</summary>
    public static readonly string[] Reports = [Table, Json];

    /// <summary>Writes findings in one of the list formats (JSON, SARIF, CSV, Markdown); false for the others.</summary>
    /// <param name="notes">Where to say what a format had to leave out (SARIF past GitHub's limits): stderr.</param>
    public static bool TryWriteList(TextWriter output, string format, IReadOnlyList<FindingView> findings, TextWriter? notes = null)
    {
        if (FindingWriters.Find(format) is not { } writer)
        {
            return false;
        }

        foreach (var note in writer.Write(output, findings))
        {
            notes?.WriteLine($"note: {note}");
        }

        return true;
    }
}

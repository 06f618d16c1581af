using System.Globalization;
using Ctem.Core.Stores;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem history</c>: a product's runs as a table (newest last, as a log reads) or JSON.</summary>
public static class HistoryOutput
{
    public static void WriteTable(IAnsiConsole console, string product, IReadOnlyList<RunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Run").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Time (UTC)").NoWrap());
        table.AddColumn(new TableColumn("Kind").NoWrap());
        table.AddColumn(new TableColumn("Tool").NoWrap());
        table.AddColumn(new TableColumn("Source").NoWrap().Width(24));
        table.AddColumn(new TableColumn("Inputs").NoWrap().Width(24));
        table.AddColumn(new TableColumn("New").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Resolved").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Reopened").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Findings").RightAligned().NoWrap());
        foreach (var run in runs)
        {
            table.AddRow(
                Cell(Number(run.Id)), Cell(Time(run.FinishedAt)), Cell(Name(run.Kind)), Cell(run.Tool), Cell(run.Source), Cell(Inputs(run)),
                Cell(Number(run.New)), Cell(Number(run.Resolved)), Cell(Number(run.Reopened)), Cell(Number(run.Findings)));
        }

        console.WriteLine($"Product {product}: {runs.Count} run(s) from {runs.Select(r => (r.Source, r.Tool)).Distinct().Count()} source(s)");
        if (runs.Count > 0)
        {
            console.Write(table);
        }
    }

    public static void WriteJson(TextWriter output, string product, IReadOnlyList<RunSummary> runs) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("product", product);
            writer.WriteStartArray("runs");
            foreach (var run in runs)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", run.Id);
                writer.WriteString("kind", Name(run.Kind));
                writer.WriteString("source", run.Source);
                writer.WriteString("tool", run.Tool);
                JsonOutput.WriteTime(writer, "startedAt", run.StartedAt);
                JsonOutput.WriteTime(writer, "finishedAt", run.FinishedAt);
                JsonOutput.WriteInputs(writer, run.Inputs);
                writer.WriteNumber("components", run.Components);
                writer.WriteNumber("findings", run.Findings);
                writer.WriteNumber("new", run.New);
                writer.WriteNumber("resolved", run.Resolved);
                writer.WriteNumber("reopened", run.Reopened);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    // Long sources and paths are cut with "…", never wrapped onto a second line.
    internal static Text Cell(string text) => new(text) { Overflow = Overflow.Ellipsis };

    public static string Name(RunKind kind) => kind.ToString().ToLowerInvariant();

    private static string Inputs(RunSummary run) => run.Inputs.Count switch
    {
        0 => "-",
        1 => run.Inputs[0].Path,
        _ => $"{run.Inputs[0].Path} +{run.Inputs.Count - 1}",
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

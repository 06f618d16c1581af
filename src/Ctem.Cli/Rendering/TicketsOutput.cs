using Ctem.Engine.Mobilization.Tickets;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem tickets sync</c>: what was done to each ticket, as a table or JSON.</summary>
public static class TicketsOutput
{
    private static readonly IReadOnlyList<LineTableColumn<TicketOutcome>> Columns =
    [
        new("Ticket", Rank: 1, MinWidth: 10, PreferredWidth: 24, t => $"{t.Tracker} {t.Project}#{t.ExternalKey ?? "-"}") { Required = true, CutAt = CutAt.Middle },
        new("State", Rank: 3, MinWidth: 6, PreferredWidth: 6, t => t.State) { Required = true },
        new("Done", Rank: 2, MinWidth: 10, PreferredWidth: 24, t => string.Join(", ", t.Actions)) { Required = true },
        new("Findings", Rank: 4, MinWidth: 8, PreferredWidth: 8, t => t.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Alignment = Justify.Right },
        new("About", Rank: 5, MinWidth: 12, PreferredWidth: 40, t => t.GroupingKey) { CutAt = CutAt.Middle },
    ];

    public static void WriteTable(TextWriter output, IAnsiConsole console, TicketSyncReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var changed = report.Tickets.Count(t => !t.Actions.SequenceEqual(["unchanged"]));
        output.WriteLine($"{(report.DryRun ? "Dry run: " : "")}{report.Tickets.Count} ticket(s), {changed} changed{(report.Errors.Count > 0 ? $", {report.Errors.Count} tracker error(s)" : "")}");
        if (report.Tickets.Count > 0)
        {
            LineTable.Write(console, report.Tickets, Columns);
        }
    }

    public static void WriteJson(TextWriter output, TicketSyncReport report) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("dryRun", report.DryRun);
            writer.WriteStartArray("tickets");
            foreach (var ticket in report.Tickets)
            {
                writer.WriteStartObject();
                writer.WriteString("tracker", ticket.Tracker);
                writer.WriteString("project", ticket.Project);
                writer.WriteString("key", ticket.ExternalKey);
                writer.WriteString("url", ticket.Url);
                writer.WriteString("groupingKey", ticket.GroupingKey);
                writer.WriteString("state", ticket.State);
                JsonOutput.WriteStrings(writer, "actions", ticket.Actions);
                Ids(writer, "findings", ticket.Findings);
                Ids(writer, "fixClaimed", ticket.FixClaimed);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            JsonOutput.WriteStrings(writer, "errors", report.Errors);
            writer.WriteEndObject();
        });

    private static void Ids(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyList<long> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
    }
}

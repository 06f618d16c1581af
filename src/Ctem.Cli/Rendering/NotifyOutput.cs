using System.Globalization;
using Ctem.Engine.Mobilization.Notifications;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem notify</c>'s output (a line per channel, a table of the events), and the one-line summaries other commands write to stderr.</summary>
public static class NotifyOutput
{
    private static readonly IReadOnlyList<LineTableColumn<(ChannelDelivery Channel, NotificationEvent Event)>> EventColumns =
    [
        new("Channel", Rank: 1, MinWidth: 8, PreferredWidth: 20, r => r.Channel.Channel) { Required = true },
        new("Event", Rank: 1, MinWidth: 10, PreferredWidth: 19, r => NotificationKinds.Name(r.Event.Kind)) { Required = true },
        new("ID", Rank: 2, MinWidth: 4, PreferredWidth: 6, r => r.Event.Finding.Id.ToString(CultureInfo.InvariantCulture)) { Alignment = Justify.Right },
        new("Priority", Rank: 3, MinWidth: 8, PreferredWidth: 8, r => JsonOutput.Name(r.Event.Priority) ?? "") { Required = true },
        new("Vulnerability", Rank: 2, MinWidth: 13, PreferredWidth: 20, r => r.Event.Finding.Vulnerability.Id) { Required = true },
        new("Product", Rank: 4, MinWidth: 8, PreferredWidth: 20, r => r.Event.Finding.Product),
        new("Due", Rank: 5, MinWidth: 10, PreferredWidth: 10, r => r.Event.Due is { } due ? EventJson.Time(due.At)[..10] : ""),
        new("Asset", Rank: 6, MinWidth: 10, PreferredWidth: 40, r => r.Event.Finding.ComponentPurl) { CutAt = CutAt.Middle },
    ];

    public static void WriteTable(IAnsiConsole console, TextWriter plain, NotificationRun run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(run);
        plain.WriteLine(run.DryRun ? "Dry run: nothing was sent or recorded." : $"Notifications as of {run.AsOf.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}:");
        foreach (var channel in run.Channels)
        {
            plain.WriteLine($"  {Summary(channel, run.DryRun)}");
        }

        var rows = run.Channels.SelectMany(c => c.Pending.Select(e => (c, e))).ToList();
        if (rows.Count > 0)
        {
            plain.WriteLine();
            LineTable.Write(console, rows, EventColumns);
        }
    }

    public static void WriteJson(TextWriter output, NotificationRun run) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            JsonOutput.WriteTime(writer, "asOf", run.AsOf);
            writer.WriteBoolean("dryRun", run.DryRun);
            writer.WriteStartArray("channels");
            foreach (var channel in run.Channels)
            {
                writer.WriteStartObject();
                writer.WriteString("name", channel.Channel);
                writer.WriteString("type", channel.Type.ToString().ToLowerInvariant());
                writer.WriteString("status", Status(channel, run.DryRun));
                writer.WriteNumber("sent", channel.Sent);
                writer.WriteNumber("alreadySent", channel.AlreadySent);
                writer.WriteString("error", channel.Error);
                writer.WriteStartArray("events");
                foreach (var e in channel.Pending)
                {
                    EventJson.Write(writer, e);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary>What scan, ingest and db import/update write to stderr after notifying: a line per channel that had something to send.</summary>
    public static void WriteSummary(TextWriter stderr, NotificationRun run)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var channel in run.Channels.Where(c => c.Pending.Count > 0))
        {
            stderr.WriteLine($"notifications: {Summary(channel, run.DryRun)}");
        }
    }

    /// <summary>sent, would-send, failed or up-to-date.</summary>
    public static string Status(ChannelDelivery channel, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.Failed ? "failed" : dryRun && channel.Pending.Count > 0 ? "would-send" : channel.Sent > 0 ? "sent" : "up-to-date";
    }

    private static string Summary(ChannelDelivery c, bool dryRun) =>
        $"{c.Channel} ({c.Type.ToString().ToLowerInvariant()}): " + Status(c, dryRun) switch
        {
            "failed" => $"failed after sending {c.Sent} of {c.Pending.Count} events: {c.Error}; the rest are sent next time",
            "would-send" => $"would send {c.Pending.Count} events ({c.AlreadySent} already sent)",
            "sent" => $"sent {c.Sent} events ({c.AlreadySent} already sent)",
            _ => $"nothing new ({c.AlreadySent} already sent)",
        };
}

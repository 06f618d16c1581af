using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// A Slack incoming-webhook message: <c>text</c> (the notification's fallback) and Block Kit <c>blocks</c>, a header
/// and one section per event. Text from findings is escaped as Slack asks (&amp;, &lt;, &gt;).
/// </summary>
public static class SlackPayload
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Body(IReadOnlyList<NotificationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("text", NotificationText.Subject(events));
            json.WriteStartArray("blocks");
            json.WriteStartObject();
            json.WriteString("type", "header");
            json.WriteStartObject("text");
            json.WriteString("type", "plain_text");
            json.WriteString("text", NotificationText.Subject(events));
            json.WriteEndObject();
            json.WriteEndObject();
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("type", "section");
                json.WriteStartObject("text");
                json.WriteString("type", "mrkdwn");
                json.WriteString("text", Section(e));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Section(NotificationEvent e)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"*{Escape(NotificationKinds.Title(e.Kind))}*: `{Escape(e.Finding.Vulnerability.Id)}` in `{Escape(e.Finding.ComponentPurl)}`");
        foreach (var line in NotificationText.Details(e))
        {
            text.Append('\n').Append(Escape(line));
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// The webhook's body and signature (docs/cli.md, "Notifications"): <c>{"schema": 1, "source": "ctem", "timestamp":
/// UNIX-SECONDS, "events": [...]}</c>, signed with HMAC-SHA256 over the exact body bytes. The timestamp is inside the
/// signed body and repeated in <c>X-Ctem-Timestamp</c>, so a receiver can refuse a replayed or altered delivery.
/// </summary>
public static class WebhookPayload
{
    public const int Schema = 1;
    public const string SignatureHeader = "X-Ctem-Signature";
    public const string TimestampHeader = "X-Ctem-Timestamp";

    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Body(IReadOnlyList<NotificationEvent> events, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteString("source", "ctem");
            json.WriteNumber("timestamp", sentAt.ToUnixTimeSeconds());
            json.WriteStartArray("events");
            foreach (var e in events)
            {
                EventJson.Write(json, e);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The <c>X-Ctem-Signature</c> value: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/>.</summary>
    public static string Signature(byte[] secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));
}

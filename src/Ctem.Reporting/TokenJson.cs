using System.Text.Json;
using Ctem.Core.Stores;

namespace Ctem.Reporting;

/// <summary>API tokens as <c>ctem token list --format json</c> and the API's <c>/tokens</c> write them: never the secret, never its hash.</summary>
public static class TokenJson
{
    public static void WriteList(TextWriter output, IReadOnlyList<ApiToken> tokens, DateTimeOffset now) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tokens");
            foreach (var token in tokens)
            {
                WriteToken(writer, token, now);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary>A token just created: <c>{"token": "ctem_…", …}</c>, the one time the secret is shown.</summary>
    public static void WriteIssued(TextWriter output, string secret, ApiToken token, DateTimeOffset now) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token", secret);
            writer.WritePropertyName("details");
            WriteToken(writer, token, now);
            writer.WriteEndObject();
        });

    public static void WriteToken(Utf8JsonWriter writer, ApiToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(token);
        writer.WriteStartObject();
        writer.WriteNumber("id", token.Id);
        writer.WriteString("team", token.Team);
        writer.WriteString("role", JsonOutput.Name(token.Role));
        writer.WriteString("status", Status(token, now));
        JsonOutput.WriteTime(writer, "createdAt", token.CreatedAt);
        JsonOutput.WriteTime(writer, "expiresAt", token.ExpiresAt);
        JsonOutput.WriteTime(writer, "revokedAt", token.RevokedAt);
        JsonOutput.WriteTime(writer, "lastUsedAt", token.LastUsedAt);
        writer.WriteEndObject();
    }

    /// <summary>active, expired or revoked.</summary>
    public static string Status(ApiToken token, DateTimeOffset now) =>
        token.RevokedAt is not null ? "revoked" : token.IsUsableAt(now) ? "active" : "expired";
}

using System.Text.Json;

namespace Ctem.Plugins.Reports;

/// <summary>Cheap looks at the first bytes of a JSON report, for <c>CanParse</c>: a head cut anywhere is fine.</summary>
internal static class ReportJsonHead
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// When the document is an object whose top-level property <paramref name="name"/> is an array (other top-level
    /// properties before it are skipped): the first property name of the array's first item, or "" when the array or
    /// that item is empty. Null when the head shows no such array of objects.
    /// </summary>
    public static string? FirstItemProperty(ReadOnlySpan<byte> head, string name)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(Options));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = reader.ValueTextEquals(name);
                if (!reader.Read())
                {
                    return null;
                }

                if (!found)
                {
                    if (!reader.TrySkip())
                    {
                        return null;
                    }

                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray || !reader.Read())
                {
                    return null;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return "";
                }

                if (reader.TokenType != JsonTokenType.StartObject || !reader.Read())
                {
                    return null;
                }

                return reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : "";
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Broken JSON, or a property name that is not valid UTF-8: not a head this format claims.
            return null;
        }
    }

    /// <summary>
    /// The top-level property names of <paramref name="json"/> when it is one complete object (a small document's whole
    /// head, or one JSON line); null otherwise.
    /// </summary>
    public static HashSet<string>? CompleteObjectProperties(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                names.Add(reader.GetString()!);
                if (!reader.Read() || !reader.TrySkip())
                {
                    return null;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject ? names : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or cut short: not a head this helper vouches for.
            return null;
        }
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>
/// The <c>affected_json</c> column, written and read by hand: it is serialised once per imported package and read
/// once per candidate of every scan, which makes it the hottest JSON in Ctem. Shape:
/// <c>{"ecosystem","name","purl","ranges":[{"type","repo","events":[{"kind","version"}]}],"versions":[]}</c>.
/// </summary>
internal static class AffectedJson
{
    public static string Write(AffectedPackage affected)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ecosystem", affected.Ecosystem);
            writer.WriteString("name", affected.Name);
            writer.WriteString("purl", affected.Purl);
            writer.WriteStartArray("ranges");
            foreach (var range in affected.Ranges)
            {
                writer.WriteStartObject();
                writer.WriteString("type", TypeName(range.Type));
                writer.WriteString("repo", range.Repo);
                writer.WriteStartArray("events");
                foreach (var e in range.Events)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", KindName(e.Kind));
                    writer.WriteString("version", e.Version);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("versions");
            foreach (var version in affected.Versions)
            {
                writer.WriteStringValue(version);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Read forward-only: a scan reads this column for every candidate advisory of every package it holds.</summary>
    public static AffectedPackage Read(string json)
    {
        // Transcoded into a pooled buffer: the bytes live only while they are read.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return Read(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static AffectedPackage Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        string? ecosystem = null, name = null, purl = null;
        var ranges = new List<AffectedRange>();
        var versions = new List<string>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader) is { } property)
        {
            switch (property)
            {
                case "ecosystem": ecosystem = reader.GetString(); break;
                case "name": name = reader.GetString(); break;
                case "purl": purl = reader.GetString(); break;
                case "ranges": ReadRanges(ref reader, ranges); break;
                case "versions": ReadStrings(ref reader, versions); break;
                default: reader.Skip(); break;
            }
        }

        return new AffectedPackage(
            ecosystem ?? throw new JsonException("stored affected entry has no ecosystem"),
            name ?? throw new JsonException("stored affected entry has no name"),
            purl,
            ranges,
            versions);
    }

    /// <summary>A JSON array of strings, read forward-only into <paramref name="into"/>; the reader is on the array's start.</summary>
    internal static void ReadStrings(ref Utf8JsonReader reader, List<string> into)
    {
        EnsureToken(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // A null element reads as null, as the serializer read it before.
            into.Add(reader.GetString()!);
        }
    }

    private static void ReadRanges(ref Utf8JsonReader reader, List<AffectedRange> ranges)
    {
        EnsureToken(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            EnsureToken(ref reader, JsonTokenType.StartObject);
            var type = RangeType.Unspecified;
            string? repo = null;
            var events = new List<RangeEvent>();
            while (NextProperty(ref reader) is { } property)
            {
                switch (property)
                {
                    case "type": type = TypeOf(reader.GetString()); break;
                    case "repo": repo = reader.GetString(); break;
                    case "events": ReadEvents(ref reader, events); break;
                    default: reader.Skip(); break;
                }
            }

            ranges.Add(new AffectedRange(type, repo, events));
        }
    }

    private static void ReadEvents(ref Utf8JsonReader reader, List<RangeEvent> events)
    {
        EnsureToken(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            EnsureToken(ref reader, JsonTokenType.StartObject);
            var kind = RangeEventKind.Unspecified;
            string? version = null;
            while (NextProperty(ref reader) is { } property)
            {
                switch (property)
                {
                    case "kind": kind = KindOf(reader.GetString()); break;
                    case "version": version = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            events.Add(new RangeEvent(kind, version ?? throw new JsonException("stored range event has no version")));
        }
    }

    /// <summary>The next property's name with the reader on its value, or null at the end of the object.</summary>
    internal static string? NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        EnsureToken(ref reader, JsonTokenType.PropertyName);
        var name = reader.GetString();
        reader.Read();
        return name;
    }

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        reader.Read();
        EnsureToken(ref reader, type);
    }

    private static void EnsureToken(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"stored JSON: expected {type}, found {reader.TokenType}");
        }
    }

    private static string TypeName(RangeType type) => type switch
    {
        RangeType.Semver => "semver",
        RangeType.Ecosystem => "ecosystem",
        RangeType.Git => "git",
        _ => "unspecified",
    };

    private static RangeType TypeOf(string? name) => name switch
    {
        "semver" => RangeType.Semver,
        "ecosystem" => RangeType.Ecosystem,
        "git" => RangeType.Git,
        _ => RangeType.Unspecified,
    };

    private static string KindName(RangeEventKind kind) => kind switch
    {
        RangeEventKind.Introduced => "introduced",
        RangeEventKind.Fixed => "fixed",
        RangeEventKind.LastAffected => "last_affected",
        RangeEventKind.Limit => "limit",
        _ => "unspecified",
    };

    private static RangeEventKind KindOf(string? name) => name switch
    {
        "introduced" => RangeEventKind.Introduced,
        "fixed" => RangeEventKind.Fixed,
        "last_affected" => RangeEventKind.LastAffected,
        "limit" => RangeEventKind.Limit,
        _ => RangeEventKind.Unspecified,
    };
}

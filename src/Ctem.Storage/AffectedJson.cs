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

    public static AffectedPackage Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var ranges = root.GetProperty("ranges").EnumerateArray().Select(range => new AffectedRange(
            TypeOf(range.GetProperty("type").GetString()),
            range.TryGetProperty("repo", out var repo) ? repo.GetString() : null,
            range.GetProperty("events").EnumerateArray()
                .Select(e => new RangeEvent(KindOf(e.GetProperty("kind").GetString()), e.GetProperty("version").GetString()!))
                .ToList())).ToList();
        return new AffectedPackage(
            root.GetProperty("ecosystem").GetString()!,
            root.GetProperty("name").GetString()!,
            root.TryGetProperty("purl", out var purl) ? purl.GetString() : null,
            ranges,
            root.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToList());
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

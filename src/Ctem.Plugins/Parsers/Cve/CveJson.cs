using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.Cve;

/// <summary>What the CVE record parsers share: loading the document, typed reads that never throw, CVSS vectors by key.</summary>
internal static class CveJson
{
    /// <summary>CVSS metric keys of CVE JSON 5.x, newest version first.</summary>
    public static readonly string[] Cve5MetricKeys = ["cvssV4_0", "cvssV3_1", "cvssV3_0", "cvssV2_0"];

    public static CveRecordResult Read(string path, ReadOnlySpan<byte> content, Func<JsonElement, List<Diagnostic>, List<CveRecord>> records)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return new CveRecordResult([], [Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex))]);
        }

        using (document)
        {
            var diagnostics = new List<Diagnostic>();
            return new CveRecordResult(records(document.RootElement, diagnostics), diagnostics);
        }
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>A timestamp; NVD's carry no zone and are UTC.</summary>
    public static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    /// <summary>CVE ids only ("CVE-2024-3094"): anything else names no CVE record.</summary>
    public static bool IsCveId(string? id) => id is { Length: > 8 } && id.StartsWith("CVE-", StringComparison.Ordinal);

    /// <summary>CWE ids only: NVD's "NVD-CWE-noinfo" and "NVD-CWE-Other" say there is none.</summary>
    public static bool IsCwe(string? id) => id is not null && id.StartsWith("CWE-", StringComparison.Ordinal) && id.Length > 4;
}

using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.CisaKev;

/// <summary>Reads CISA's Known Exploited Vulnerabilities catalogue in its JSON form (known_exploited_vulnerabilities.json).</summary>
public sealed class CisaKevJsonParser : IFeedParser
{
    public string Name => "cisa-kev/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        head.IndexOf("\"catalogVersion\""u8) >= 0 && head.IndexOf("\"vulnerabilities\""u8) >= 0;

    public FeedResult Parse(string path, ReadOnlySpan<byte> content)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { AllowTrailingCommas = true });
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return FeedResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("vulnerabilities", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return FeedResult.Failed(Diagnostic.Error(DiagnosticCodes.NotAFeed, path, "not a KEV catalogue: 'vulnerabilities' is missing", "/vulnerabilities"));
            }

            var diagnostics = new List<Diagnostic>();
            var entries = new List<KevEntry>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var pointer = $"/vulnerabilities/{index++}";
                var entry = KevFields.ToEntry(name => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null);
                if (entry is null)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotAFeed, path, "entry without a valid cveID and dateAdded; skipped", pointer));
                    continue;
                }

                entries.Add(entry);
            }

            var released = Text(root, "dateReleased") is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                    ? date
                    : (DateTimeOffset?)null;
            return new FeedResult(new KevCatalog(Text(root, "catalogVersion"), released, entries), diagnostics);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

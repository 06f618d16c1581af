using System.Globalization;
using System.Text.Json;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>Reads a CycloneDX JSON BOM's components and vulnerabilities (1.4 and later), for findings and for VEX statements.</summary>
internal static class VdrJsonDocument
{
    public static VdrDocument Read(JsonElement root, JsonElement vulnerabilities)
    {
        var metadata = ReportJson.Object(root, "metadata");
        var subject = metadata is { } m ? ReportJson.Object(m, "component") : null;
        var components = new List<VdrComponent>();
        if (subject is { } s)
        {
            Collect(s, components);
        }

        foreach (var component in ReportJson.Array(root, "components"))
        {
            Collect(component, components);
        }

        var (tool, toolVersion) = Tool(metadata);
        var records = vulnerabilities.EnumerateArray().Select((v, i) => Vulnerability(v, $"/vulnerabilities/{Index(i)}")).ToList();
        return new VdrDocument(tool, toolVersion, subject is { } named ? ReportJson.String(named, "name") : null, components, records)
        {
            SpecVersion = ReportJson.String(root, "specVersion"),
            SerialNumber = ReportJson.String(root, "serialNumber"),
            Timestamp = metadata is { } t ? Time(t, "timestamp") : null,
            Author = metadata is { } a ? Author(a) : null,
            TargetVersion = subject is { } versioned ? ReportJson.String(versioned, "version") : null,
        };
    }

    /// <summary>A date-time property as written (RFC 3339), or null when absent or unreadable.</summary>
    public static DateTimeOffset? Time(JsonElement element, string name) =>
        DateTimeOffset.TryParse(ReportJson.String(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static void Collect(JsonElement component, List<VdrComponent> into)
    {
        into.Add(new VdrComponent(
            ReportJson.String(component, "bom-ref"),
            ReportJson.String(component, "purl"),
            ReportJson.String(component, "group"),
            ReportJson.String(component, "name"),
            ReportJson.String(component, "version"))
        {
            Cpe = ReportJson.String(component, "cpe"),
            SyftType = ReportJson.Array(component, "properties").Where(p => ReportJson.String(p, "name") == "syft:package:type").Select(p => ReportJson.String(p, "value")).FirstOrDefault(),
        });
        foreach (var nested in ReportJson.Array(component, "components"))
        {
            Collect(nested, into);
        }
    }

    // 1.4 lists tools as an array; 1.5 and later as an object of components and services.
    private static (string? Name, string? Version) Tool(JsonElement? metadata)
    {
        if (metadata is not { } m || !m.TryGetProperty("tools", out var tools))
        {
            return (null, null);
        }

        var first = tools.ValueKind switch
        {
            JsonValueKind.Array => tools.EnumerateArray().FirstOrDefault(),
            JsonValueKind.Object => ReportJson.Array(tools, "components").Concat(ReportJson.Array(tools, "services")).FirstOrDefault(),
            _ => default,
        };
        return first.ValueKind == JsonValueKind.Object ? (ReportJson.String(first, "name"), ReportJson.String(first, "version")) : (null, null);
    }

    private static string? Author(JsonElement metadata) =>
        ReportJson.Array(metadata, "authors").Select(a => ReportJson.String(a, "name")).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
        ?? (ReportJson.Object(metadata, "manufacturer") is { } manufacturer ? ReportJson.String(manufacturer, "name") : null)
        ?? (ReportJson.Object(metadata, "supplier") is { } supplier ? ReportJson.String(supplier, "name") : null);

    private static VdrVulnerability Vulnerability(JsonElement vulnerability, string pointer)
    {
        var ratings = ReportJson.Array(vulnerability, "ratings")
            .Select(r => new VdrRating(
                ReportJson.String(r, "severity"),
                ReportJson.String(r, "method"),
                ReportJson.String(r, "vector"),
                r.ValueKind == JsonValueKind.Object && r.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null))
            .ToList();
        var cwes = ReportJson.Array(vulnerability, "cwes")
            .Select(c => c.ValueKind is JsonValueKind.Number or JsonValueKind.String ? c.ToString() : null)
            .OfType<string>()
            .ToList();
        var affects = ReportJson.Array(vulnerability, "affects")
            .Select((a, i) => new VdrAffect(
                ReportJson.String(a, "ref"),
                ReportJson.Array(a, "versions")
                    .Select(v => new VdrAffectedVersion(ReportJson.String(v, "version"), ReportJson.String(v, "status")) { Range = ReportJson.String(v, "range") })
                    .ToList(),
                $"{pointer}/affects/{Index(i)}"))
            .ToList();
        var analysis = ReportJson.Object(vulnerability, "analysis");
        return new VdrVulnerability(
            ReportJson.String(vulnerability, "id"),
            ReportJson.Array(vulnerability, "references").Select(r => ReportJson.String(r, "id")).OfType<string>().ToList(),
            ratings,
            cwes,
            ReportJson.String(vulnerability, "description"),
            ReportJson.String(vulnerability, "detail"),
            ReportJson.String(vulnerability, "recommendation"),
            analysis is { } a ? ReportJson.String(a, "state") : null,
            affects,
            pointer)
        {
            Analysis = analysis is { } full
                ? new VdrAnalysis(ReportJson.String(full, "state"), ReportJson.String(full, "justification"), ReportJson.Strings(full, "response"), ReportJson.String(full, "detail"))
                {
                    FirstIssued = Time(full, "firstIssued"),
                    LastUpdated = Time(full, "lastUpdated"),
                }
                : null,
            Updated = Time(vulnerability, "updated"),
            Published = Time(vulnerability, "published"),
            Properties = ReportJson.Array(vulnerability, "properties")
                .Select(p => (Name: ReportJson.String(p, "name"), Value: ReportJson.String(p, "value")))
                .Where(p => p.Name is not null && p.Value is not null)
                .Select(p => KeyValuePair.Create(p.Name!, p.Value!))
                .ToList(),
        };
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Reads the <c>vulnerabilities</c> of a CycloneDX JSON BOM (1.4 and later: a VDR, or a VEX with analyses) as
/// findings; see <see cref="VdrMapping"/>. A BOM without that section is an SBOM and fails with a message saying so.
/// </summary>
public sealed class CycloneDxVdrJsonParser : IReportParser
{
    public string Name => "cyclonedx-vdr/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("\"bomFormat\""u8) >= 0
        && head.IndexOf("\"CycloneDX\""u8) >= 0;


    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.String(root, "bomFormat") != "CycloneDX")
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.NotCycloneDx, path, "not a CycloneDX BOM: expected an object with \"bomFormat\": \"CycloneDX\""));
        }

        if (ReportJson.ArrayElement(root, "vulnerabilities") is not { } vulnerabilities)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, VdrMapping.NoVulnerabilities));
        }

        var metadata = ReportJson.Object(root, "metadata");
        var components = new List<VdrComponent>();
        if (metadata is { } m && ReportJson.Object(m, "component") is { } subject)
        {
            Collect(subject, components);
        }

        foreach (var component in ReportJson.Array(root, "components"))
        {
            Collect(component, components);
        }

        var (tool, toolVersion) = Tool(metadata);
        var target = metadata is { } meta && ReportJson.Object(meta, "component") is { } c ? ReportJson.String(c, "name") : null;
        var records = vulnerabilities.EnumerateArray().Select((v, i) => Vulnerability(v, $"/vulnerabilities/{Index(i)}")).ToList();
        return VdrMapping.Report(Name, path, new VdrDocument(tool, toolVersion, target, components, records), []);
    }

    private static void Collect(JsonElement component, List<VdrComponent> into)
    {
        into.Add(new VdrComponent(
            ReportJson.String(component, "bom-ref"),
            ReportJson.String(component, "purl"),
            ReportJson.String(component, "group"),
            ReportJson.String(component, "name"),
            ReportJson.String(component, "version"))
        {
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
                ReportJson.Array(a, "versions").Select(v => new VdrAffectedVersion(ReportJson.String(v, "version"), ReportJson.String(v, "status"))).ToList(),
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
            pointer);
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}

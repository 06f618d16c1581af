using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Reports.Zap;

/// <summary>
/// Reads ZAP's traditional JSON report (<c>{"@version", "@generated", "site": [{"alerts": [{"instances": […]}]}]}</c>):
/// one finding per alert instance. ZAP writes numbers as strings; both are accepted. Old versions write <c>site</c> as
/// a single object when one site was scanned.
/// </summary>
public sealed class ZapJsonParser : IReportParser
{
    public string Name => "zap/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        // The set holds the byte-order mark's three bytes too.
        var text = head.TrimStart(" \t\r\n\uFEFF"u8);
        return text.StartsWith("{"u8) && text.IndexOf("\"@generated\""u8) >= 0 && text.IndexOf("\"site\""u8) >= 0;
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("site", out var siteValue) || siteValue.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a ZAP JSON report: expected an object with a \"site\" array (ZAP's traditional JSON report)", ""));
        }

        var sites = siteValue.ValueKind == JsonValueKind.Array
            ? siteValue.EnumerateArray().Select((s, i) => (Site: s, Pointer: $"/site/{i}")).ToList()
            : [(siteValue, "/site")];
        var header = new ZapReportHeader(
            ReportJson.String(root, "@programName"),
            ReportJson.String(root, "@version"),
            sites.Select(s => ReportJson.String(s.Site, "@name")).OfType<string>().ToList());
        var alerts = sites.SelectMany(s => ReportJson.Array(s.Site, "alerts").Select((a, i) => Alert(a, $"{s.Pointer}/alerts/{i}")));
        var diagnostics = new List<Diagnostic>();
        return ReportResult.Ok(ZapFindings.Build(Name, path, header, alerts, diagnostics), diagnostics);
    }

    private static ZapAlert Alert(JsonElement alert, string pointer) =>
        new(
            ReportJson.Scalar(alert, "pluginid"),
            ReportJson.Scalar(alert, "alertRef"),
            ReportJson.Scalar(alert, "alert") ?? ReportJson.Scalar(alert, "name"),
            ReportJson.Scalar(alert, "riskcode"),
            ReportJson.Scalar(alert, "confidence"),
            ReportJson.Scalar(alert, "cweid"),
            ReportJson.Scalar(alert, "desc"),
            ReportJson.Scalar(alert, "solution"),
            ReportJson.Array(alert, "instances").Select((instance, i) => Instance(instance, $"{pointer}/instances/{i}")).ToList(),
            pointer);

    private static ZapInstance Instance(JsonElement instance, string pointer) =>
        new(ReportJson.Scalar(instance, "uri"), ReportJson.Scalar(instance, "method"), ReportJson.Scalar(instance, "param"), ReportJson.Scalar(instance, "evidence"), pointer);
}

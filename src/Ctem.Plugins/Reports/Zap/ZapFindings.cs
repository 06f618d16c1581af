using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Zap;

/// <summary>
/// Turns ZAP alerts into findings, one per instance: the instance's URL is the asset (two URLs are never one finding)
/// and its parameter and method the location. <c>alertRef</c> (e.g. <c>10020-1</c>) tells apart the alerts one plugin
/// raises, so it is the rule and fingerprint when present; otherwise the plugin id is.
/// </summary>
internal static class ZapFindings
{
    public static ScannerReport Build(string format, string path, ZapReportHeader header, IEnumerable<ZapAlert> alerts, List<Diagnostic> diagnostics)
    {
        var findings = new List<ReportedFinding>();
        foreach (var alert in alerts)
        {
            var rule = NonEmpty(alert.AlertRef) ?? NonEmpty(alert.PluginId);
            if (rule is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "an alert has no pluginid and no alertRef; skipped", alert.Pointer));
                continue;
            }

            foreach (var instance in alert.Instances)
            {
                if (Finding(alert, rule, instance) is { } finding)
                {
                    findings.Add(finding);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"an instance of alert {rule} has no absolute http(s) uri ('{instance.Uri}'); skipped", instance.Pointer));
                }
            }
        }

        var sites = header.Sites.Select(ReportedAsset.Url).OfType<ReportedAsset>();
        var assets = sites.Concat(findings.Select(f => f.Asset)).DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();
        var target = header.Sites.Count > 0 ? string.Join(", ", header.Sites) : null;
        return new ScannerReport(format, NonEmpty(header.ProgramName) ?? "ZAP", NonEmpty(header.Version), target, findings) { Assets = assets };
    }

    private static ReportedFinding? Finding(ZapAlert alert, string rule, ZapInstance instance)
    {
        if (NonEmpty(instance.Uri) is not { } uri || ReportedAsset.Url(uri) is not { } asset)
        {
            return null;
        }

        var method = NonEmpty(instance.Method);
        var location = NonEmpty(instance.Param) is { } param
            ? new SourceLocation(uri, method is null ? $"param={param}" : $"param={param} method={method}")
            : null;
        return new ReportedFinding(asset, [], rule, NonEmpty(alert.Title) ?? rule, SeverityOf(alert.RiskCode), location)
        {
            Cwes = CweOf(alert.CweId),
            Description = DescriptionOf(alert, instance),
            ToolFingerprint = rule,
            ReportPointer = instance.Pointer,
        };
    }

    private static string? SeverityOf(string? riskCode) => NonEmpty(riskCode) switch
    {
        "3" => "high",
        "2" => "medium",
        "1" => "low",
        "0" => "info",
        _ => null,
    };

    // ZAP writes -1 (or 0) when an alert maps to no CWE.
    private static IReadOnlyList<string> CweOf(string? cweId) =>
        int.TryParse(NonEmpty(cweId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? [FormattableString.Invariant($"CWE-{id}")]
            : [];

    private static string? DescriptionOf(ZapAlert alert, ZapInstance instance)
    {
        var parts = new[]
        {
            NonEmpty(alert.Description),
            NonEmpty(instance.Evidence) is { } evidence ? "Evidence: " + evidence : null,
            NonEmpty(alert.Solution) is { } solution ? "Solution: " + solution : null,
            alert.Confidence == "0" ? "ZAP marked this alert a false positive (confidence 0)." : null,
        }.OfType<string>().ToList();
        return parts.Count > 0 ? string.Join("\n\n", parts) : null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

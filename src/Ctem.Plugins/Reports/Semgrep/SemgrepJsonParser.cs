using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Semgrep;

/// <summary>
/// Reads Semgrep's JSON: the CLI's <c>semgrep --json</c> (<c>{"results": [...], "errors": [...]}</c>, see
/// <see cref="SemgrepResults"/>) and Semgrep Supply Chain's API export (<c>{"vulns": [...]}</c>, see
/// <see cref="SemgrepSupplyChainVulns"/>). A result or vuln that lacks its rule, path or package is skipped with a
/// warning. Semgrep's SARIF is read by the <c>sarif</c> parser.
/// </summary>
public sealed class SemgrepJsonParser : IReportParser
{
    private static readonly HashSet<string> EmptyReportKeys = new(StringComparer.Ordinal) { "results", "errors", "version", "paths", "interfile_languages_used", "skipped_rules", "time", "explanations" };

    public string Name => "semgrep/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var result = ReportJsonHead.FirstItemProperty(head, "results");
        // An empty report claims only by its keys: other tools (Bandit) write "results": [] and "errors" too.
        if (result == "check_id" || (result == "" && ReportJsonHead.CompleteObjectProperties(head) is { } keys && keys.Contains("errors") && keys.IsSubsetOf(EmptyReportKeys)))
        {
            return true;
        }

        var vuln = ReportJsonHead.FirstItemProperty(head, "vulns");
        // A vuln's advisory comes first, and its rule text can fill the head: its ruleId is what shows.
        return vuln is not null && ((head.IndexOf("\"advisory\""u8) >= 0 && head.IndexOf("\"ruleId\": \"ssc-"u8) >= 0) || (vuln == "" && head.IndexOf("\"hasMore\""u8) >= 0));
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        if (ReportJson.ArrayElement(root, "results") is { } results)
        {
            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                var pointer = "/results/" + (index++).ToString(CultureInfo.InvariantCulture);
                if (SemgrepResults.Read(result, pointer) is { } finding)
                {
                    findings.Add(finding);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a result has no check_id or path; skipped", pointer));
                }
            }
        }
        else if (ReportJson.ArrayElement(root, "vulns") is { } vulns)
        {
            var index = 0;
            foreach (var vuln in vulns.EnumerateArray())
            {
                var pointer = "/vulns/" + (index++).ToString(CultureInfo.InvariantCulture);
                if (SemgrepSupplyChainVulns.Read(vuln, pointer, out var usable) is { } finding)
                {
                    findings.Add(finding);
                }
                else if (!usable)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a vuln has no advisory or matched dependency; skipped", pointer));
                }
            }
        }
        else
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Semgrep JSON report: expected an object with a \"results\" array (semgrep --json) or a \"vulns\" array (Supply Chain export)", ""));
        }

        var version = ReportJson.String(root, "version");
        return ReportResult.Ok(new ScannerReport(Name, "Semgrep", version, null, findings), diagnostics);
    }
}

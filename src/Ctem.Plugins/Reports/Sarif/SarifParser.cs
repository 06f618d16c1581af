using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Sarif.Packages;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>
/// Reads SARIF 2.1.0 from any tool: one finding per result of every run, except results of kind <c>pass</c> or
/// <c>notApplicable</c>, which say a rule found nothing. The rule is found by index, else by id (also in tool
/// extensions). Severity is the rule's numeric <c>security-severity</c> (a CVSS-like score) when given, else the
/// result's level, the rule's default level, or SARIF's default <c>warning</c>. The asset is a package when the result
/// or its rule names exactly one purl (Grype), else the package its producer's conventions name
/// (<see cref="Packages.SarifPackageConventions"/>: Trivy's messages, Grype's rule help, package paths; the finding
/// keeps how it was derived), else the first physical location's file (resolved against
/// <c>originalUriBaseIds</c>), else a purl logical location, else the analysis target or the run's only artifact, else
/// <c>.</c>: the scanned root as a whole (the logical location, if any, becomes the location pointer). Grype names
/// the scanned image only in its messages: that is the report's target when no run property names one.
/// </summary>
public sealed class SarifParser : IReportParser
{
    private const string SupportedVersion = "2.1.0";

    public string Name => "sarif";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) => SarifDetection.Looks(path, head);

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.ArrayElement(root, "runs") is not { } runs)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a SARIF log: expected an object with a \"runs\" array"));
        }

        if (ReportJson.String(root, "version") is { } version && version != SupportedVersion)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, $"SARIF version {version} is not supported; expected {SupportedVersion}", "/version"));
        }

        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        var tools = new List<(string Name, string? Version)>();
        string? target = null;
        var runIndex = -1;
        foreach (var run in runs.EnumerateArray())
        {
            runIndex++;
            var runPointer = "/runs/" + runIndex.ToString(CultureInfo.InvariantCulture);
            if (ReportJson.Object(run, "tool") is not { } tool || ReportJson.Object(tool, "driver") is not { } driver)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a run has no tool.driver; skipped", runPointer));
                continue;
            }

            tools.Add((ReportJson.String(driver, "name") ?? "SARIF", ReportJson.String(driver, "version") ?? ReportJson.String(driver, "semanticVersion")));
            target ??= ReportJson.Object(run, "properties") is { } properties ? ReportJson.String(properties, "imageName") : null;
            var reader = new SarifRunReader(path, run, tool, runPointer, diagnostics);
            var runFindings = reader.Findings().ToList();
            if (target is null && new GrypeSarifConvention().Applies(tools[^1].Name))
            {
                target = GrypeSarifConvention.TargetIn(runFindings.Select(f => f.Description));
            }

            findings.AddRange(runFindings.Select(f => SarifSecrets.Mask(tools[^1].Name, run, f)));
        }

        var names = tools.Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
        var toolName = names.Count == 0 ? "SARIF" : string.Join(", ", names);
        var toolVersion = names.Count == 1 ? tools.Select(t => t.Version).FirstOrDefault(v => v is not null) : null;
        return ReportResult.Ok(new ScannerReport(Name, toolName, toolVersion, target, findings), diagnostics);
    }
}

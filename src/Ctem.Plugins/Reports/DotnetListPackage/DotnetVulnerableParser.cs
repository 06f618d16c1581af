using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.DotnetListPackage;

/// <summary>
/// Reads <c>dotnet list package --vulnerable --format json</c>. A package resolved to the same version with the same
/// advisory in several target frameworks of one project is one exposure, so it is one finding (at its first place in
/// the report, the frameworks named in the description); the same package in two projects is two findings, told apart
/// by the project file as their location.
/// </summary>
public sealed class DotnetVulnerableParser : IReportParser
{
    public string Name => "dotnet-list-package/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
        && head.TrimStart(" \t\r\n\uFEFF"u8).StartsWith("{"u8)
        && head.IndexOf("\"projects\""u8) >= 0
        && head.IndexOf("\"parameters\""u8) >= 0
        && head.IndexOf("--vulnerable"u8) >= 0;

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.ArrayElement(root, "projects") is not { } projects)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a 'dotnet list package --format json' report: expected an object with a \"projects\" array"));
        }

        if (ReportJson.String(root, "parameters") is { } parameters && !parameters.Contains("--vulnerable", StringComparison.Ordinal))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, $"a 'dotnet list package' report made with \"{parameters}\", not --vulnerable: it lists no vulnerabilities", "/parameters"));
        }

        var diagnostics = new List<Diagnostic>();
        AddProblems(path, root, "", diagnostics);
        var findings = new List<ReportedFinding>();
        var projectPaths = new List<string>();
        var index = 0;
        foreach (var project in projects.EnumerateArray())
        {
            var pointer = $"/projects/{index++}";
            AddProblems(path, project, pointer, diagnostics);
            if (ReportJson.String(project, "path") is not { Length: > 0 } projectPath)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a project has no \"path\"; skipped", pointer));
                continue;
            }

            projectPaths.Add(projectPath);
            findings.AddRange(new DotnetProjectReader(path, projectPath, diagnostics).Read(project, pointer));
        }

        var target = projectPaths.Count == 1 ? projectPaths[0] : null;
        return ReportResult.Ok(new ScannerReport(Name, "dotnet", null, target, findings), diagnostics);
    }

    // dotnet writes what kept it from reading a project (no assets file, restore failed) as "problems".
    private static void AddProblems(string path, JsonElement element, string pointer, List<Diagnostic> diagnostics)
    {
        var index = 0;
        foreach (var problem in ReportJson.Array(element, "problems"))
        {
            var text = ReportJson.String(problem, "text") ?? problem.GetRawText();
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"dotnet reported a problem: {text}", $"{pointer}/problems/{index++}"));
        }
    }
}

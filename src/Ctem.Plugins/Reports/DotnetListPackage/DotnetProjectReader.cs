using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.DotnetListPackage;

/// <summary>The findings of one project: each (package, version, advisory) once, whatever frameworks it shows up in.</summary>
internal sealed class DotnetProjectReader(string reportPath, string projectPath, List<Diagnostic> diagnostics)
{
    private readonly Dictionary<(string Id, string Version, string Advisory), Exposure> exposures = [];

    public IEnumerable<ReportedFinding> Read(JsonElement project, string pointer)
    {
        var frameworkIndex = 0;
        foreach (var framework in ReportJson.Array(project, "frameworks"))
        {
            var frameworkPointer = $"{pointer}/frameworks/{frameworkIndex++}";
            var frameworkName = ReportJson.String(framework, "framework") ?? "unknown framework";
            ReadPackages(framework, "topLevelPackages", frameworkName, frameworkPointer);
            ReadPackages(framework, "transitivePackages", frameworkName, frameworkPointer);
        }

        return exposures.Values.Select(e => e.ToFinding(projectPath));
    }

    private void ReadPackages(JsonElement framework, string list, string frameworkName, string frameworkPointer)
    {
        var packageIndex = 0;
        foreach (var package in ReportJson.Array(framework, list))
        {
            var packagePointer = $"{frameworkPointer}/{list}/{packageIndex++}";
            var id = ReportJson.String(package, "id");
            var version = ReportJson.String(package, "resolvedVersion");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, reportPath, "a package has no \"id\" or no \"resolvedVersion\"; skipped", packagePointer));
                continue;
            }

            var purl = PackageUrl.Create("nuget", null, id, version, null, null);
            if (!purl.Success)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, reportPath, $"'{id}' {version}: {purl.Error}; skipped", packagePointer));
                continue;
            }

            var vulnerabilityIndex = 0;
            foreach (var vulnerability in ReportJson.Array(package, "vulnerabilities"))
            {
                var pointer = $"{packagePointer}/vulnerabilities/{vulnerabilityIndex++}";
                if (ReportJson.String(vulnerability, "advisoryurl") is not { Length: > 0 } advisory)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, reportPath, $"a vulnerability of '{id}' {version} has no \"advisoryurl\"; skipped", pointer));
                    continue;
                }

                var key = (id.ToUpperInvariant(), version, advisory);
                if (!exposures.TryGetValue(key, out var exposure))
                {
                    exposure = new Exposure(ReportedAsset.Package(purl.Value), advisory, ReportJson.String(vulnerability, "severity"), pointer);
                    exposures[key] = exposure;
                }

                exposure.SeenIn(frameworkName, list == "topLevelPackages" ? ReportJson.String(package, "requestedVersion") : null);
            }
        }
    }

    private sealed class Exposure(ReportedAsset asset, string advisoryUrl, string? severity, string pointer)
    {
        private readonly List<string> frameworks = [];
        private string? requestedVersion;
        private bool topLevel;

        public void SeenIn(string framework, string? requested)
        {
            if (!frameworks.Contains(framework, StringComparer.Ordinal))
            {
                frameworks.Add(framework);
            }

            topLevel |= requested is not null;
            requestedVersion ??= requested;
        }

        public ReportedFinding ToFinding(string projectPath)
        {
            var ghsa = advisoryUrl.TrimEnd('/').Split('/')[^1];
            var ids = ghsa.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) ? new[] { ghsa } : [];
            var relation = topLevel ? $"a direct reference (requested {requestedVersion})" : "a transitive dependency";
            return new ReportedFinding(
                asset,
                ids,
                null,
                $"{asset.Name} {asset.Version}: {(ids.Length > 0 ? ids[0] : advisoryUrl)}",
                ReportSeverity.Normalize(severity),
                new SourceLocation(projectPath, null))
            {
                Description = $"{asset.Name} {asset.Version} is {relation} of {projectPath} for {string.Join(", ", frameworks)}. Advisory: {advisoryUrl}",
                ReportPointer = pointer,
            };
        }
    }
}

using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Semgrep;

/// <summary>Semgrep Supply Chain's package names and CWE labels, in Ctem's terms.</summary>
internal static partial class SemgrepPackages
{
    /// <summary>The package as a purl when Semgrep's ecosystem word maps to one, else ecosystem, name and version.</summary>
    public static ReportedAsset Asset(string? ecosystem, string name, string? version)
    {
        var osv = ecosystem?.Trim().ToLowerInvariant() switch
        {
            "pypi" => "PyPI",
            "npm" => "npm",
            "maven" => "Maven",
            "gem" => "RubyGems",
            "gomod" or "go" => "Go",
            "cargo" => "crates.io",
            "nuget" => "NuGet",
            "composer" => "Packagist",
            "pub" => "Pub",
            "hex" => "Hex",
            _ => null,
        };
        return osv is not null && Ecosystems.PurlOf(osv, name, version) is { } purl
            ? ReportedAsset.Package(purl)
            : ReportedAsset.Package(ecosystem, name, version);
    }

    /// <summary>"CWE-78: Improper Neutralization …" → "CWE-78", for every label given.</summary>
    public static List<string> Cwes(IEnumerable<string> labels) =>
        labels.Select(l => Cwe().Match(l)).Where(m => m.Success).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^\s*CWE-\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Cwe();
}

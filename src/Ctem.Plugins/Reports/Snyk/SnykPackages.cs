using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Snyk;

/// <summary>
/// Snyk's <c>packageManager</c> words as OSV ecosystems, so a package becomes the purl Ctem's own scan keys it by:
/// <c>maven</c> is Maven, <c>pip</c> PyPI, and a container's <c>debian:11</c> Debian:11. Package managers without an
/// ecosystem Ctem matches (CocoaPods, SLES, …) keep Snyk's words as the key.
/// </summary>
internal static class SnykPackages
{
    public static ReportedAsset Asset(string? packageManager, string name, string? version)
    {
        // Snyk Container names an OS package "source/binary"; the binary is what is installed.
        var installed = name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('@') ? name[(name.LastIndexOf('/') + 1)..] : name;
        return EcosystemOf(packageManager) is { } ecosystem && Ecosystems.PurlOf(ecosystem, installed, version) is { } purl
            ? ReportedAsset.Package(purl)
            : ReportedAsset.Package(packageManager, installed, version);
    }

    private static string? EcosystemOf(string? packageManager)
    {
        var parts = packageManager?.Trim().ToLowerInvariant().Split(':', 2) ?? [];
        var release = parts.Length == 2 ? parts[1] : null;
        return parts.FirstOrDefault() switch
        {
            "maven" or "gradle" or "sbt" => "Maven",
            "npm" or "yarn" or "pnpm" => "npm",
            "pip" or "poetry" or "pipenv" => "PyPI",
            "nuget" or "paket" => "NuGet",
            "rubygems" => "RubyGems",
            "composer" => "Packagist",
            "gomodules" or "golangdep" or "govendor" => "Go",
            "cargo" => "crates.io",
            "hex" => "Hex",
            "pub" => "Pub",
            "deb" or "debian" => release is null ? "Debian" : "Debian:" + release,
            "ubuntu" => release is null ? "Ubuntu" : "Ubuntu:" + release,
            "apk" or "alpine" => release is null ? "Alpine" : "Alpine:v" + string.Join('.', release.Split('.').Take(2)),
            _ => null,
        };
    }
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Ctem.Core.Model;

/// <summary>
/// OSV ecosystem names, how purl types map to them, and how each ecosystem spells a package name,
/// so that a component and an advisory meet on the same (ecosystem, name) key.
/// </summary>
public static partial class Ecosystems
{
    private static readonly FrozenDictionary<string, string> ByPurlType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["npm"] = "npm",
        ["golang"] = "Go",
        ["cargo"] = "crates.io",
        ["pypi"] = "PyPI",
        ["maven"] = "Maven",
        ["nuget"] = "NuGet",
        ["gem"] = "RubyGems",
        ["composer"] = "Packagist",
        ["hex"] = "Hex",
        ["pub"] = "Pub",
        ["hackage"] = "Hackage",
        ["cran"] = "CRAN",
        ["swift"] = "SwiftURL",
        ["conan"] = "ConanCenter",
        ["bitnami"] = "Bitnami",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The OSV ecosystem of a purl, or null where the purl type has none we can match.</summary>
    public static string? FromPurl(PackageUrl purl) => ByPurlType.GetValueOrDefault(purl.Type);

    /// <summary>The package name as the ecosystem's OSV records write it.</summary>
    public static string PackageNameOf(PackageUrl purl) => purl.Type switch
    {
        "maven" when purl.Namespace is not null => $"{purl.Namespace}:{purl.Name}",
        _ when purl.Namespace is not null => $"{purl.Namespace}/{purl.Name}",
        _ => purl.Name,
    };

    /// <summary>"Debian:12" and "Alpine:v3.20" share their base ecosystem's version scheme.</summary>
    public static string BaseOf(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':');
        return colon < 0 ? ecosystem : ecosystem[..colon];
    }

    /// <summary>
    /// The lookup form of a package name: PEP 503 for PyPI, case-insensitive names for NuGet and Packagist,
    /// the name as written everywhere else (npm, Go and crates.io names are case-sensitive).
    /// </summary>
    public static string NormalizeName(string ecosystem, string name) => BaseOf(ecosystem) switch
    {
        "PyPI" => PypiSeparators().Replace(name.Trim(), "-").ToLowerInvariant(),
        "NuGet" or "Packagist" => name.Trim().ToLowerInvariant(),
        _ => name.Trim(),
    };

    [GeneratedRegex("[-_.]+")]
    private static partial Regex PypiSeparators();
}

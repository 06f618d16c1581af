using System.Collections.Frozen;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// The language package registries, the only ecosystems the suspicion rules judge: a distribution or Bitnami
/// repackages other people's software, so what is said about one side says nothing about the other.
/// </summary>
public static class LanguageRegistries
{
    public static FrozenSet<string> Ecosystems { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "npm", "Go", "crates.io", "PyPI", "Maven", "NuGet", "RubyGems", "Packagist", "Hex", "Pub", "Hackage", "CRAN", "SwiftURL", "ConanCenter");

    // NVD's target_sw values for one language's software, as its CPE dictionary uses them, and that language's registry.
    private static readonly FrozenDictionary<string, string> ByTargetSoftware = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["node.js"] = "npm",
        ["nodejs"] = "npm",
        ["npm"] = "npm",
        ["python"] = "PyPI",
        ["pypi"] = "PyPI",
        ["ruby"] = "RubyGems",
        ["rails"] = "RubyGems",
        ["go"] = "Go",
        ["golang"] = "Go",
        ["rust"] = "crates.io",
        ["maven"] = "Maven",
        ["java"] = "Maven",
        ["jenkins"] = "Maven",
        [".net"] = "NuGet",
        ["asp.net"] = "NuGet",
        ["nuget"] = "NuGet",
        ["php"] = "Packagist",
        ["composer"] = "Packagist",
        ["erlang"] = "Hex",
        ["elixir"] = "Hex",
        ["dart"] = "Pub",
        ["flutter"] = "Pub",
        ["haskell"] = "Hackage",
        ["r"] = "CRAN",
        ["swift"] = "SwiftURL",

        // Languages whose registries OSV does not cover still name software that is not any registry's above.
        ["perl"] = "CPAN",
        ["lua"] = "LuaRocks",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registry whose language a CPE's target software names (<c>node.js</c> is npm, Jenkins plugins are Maven artifacts); null for any other platform.</summary>
    public static string? OfTargetSoftware(string targetSoftware) =>
        ByTargetSoftware.TryGetValue(targetSoftware, out var ecosystem) ? ecosystem : null;
}

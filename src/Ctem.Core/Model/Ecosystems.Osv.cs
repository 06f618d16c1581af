namespace Ctem.Core.Model;

public static partial class Ecosystems
{
    /// <summary>
    /// Every ecosystem the OSV schema names (<c>$defs.ecosystemName</c> in its validation/schema.json, 2026), plus
    /// <c>GIT</c>, spelled as OSV spells them. A name may carry a suffix after a colon: a release (<c>Debian:12</c>,
    /// <c>Alpine:v3.20</c>), a product stream (<c>Red Hat:…</c>) or a repository (<c>Maven:https://…</c>).
    /// </summary>
    public static IReadOnlyList<string> OsvNames { get; } =
    [
        "AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux", "BellSoft Hardened Containers", "Bioconductor", "Bitnami",
        "Chainguard", "CleanStart", "ConanCenter", "CRAN", "crates.io", "Debian", "Docker Hardened Images", "Echo", "FreeBSD", "GHC",
        "GIT", "GitHub Actions", "Go", "Hackage", "Hex", "Homebrew", "Julia", "Kubernetes", "Linux", "Mageia", "Maven", "MinimOS",
        "npm", "NuGet", "opam", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat",
        "Rocky Linux", "Root", "RubyGems", "SUSE", "SwiftURL", "TuxCare", "Ubuntu", "vcpkg", "VSCode", "Wolfi", "WordPress",
    ];
}

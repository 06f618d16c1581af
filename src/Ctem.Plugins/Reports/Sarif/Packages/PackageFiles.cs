using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>
/// Files that belong to a package, whoever reports them: <c>/usr/share/doc/PKG/copyright</c> and
/// <c>/var/lib/dpkg/status</c> (Debian packages), <c>node_modules/PKG/package.json</c> (npm),
/// <c>site-packages/PKG-VERSION.dist-info/…</c> (PyPI), and the lockfile or manifest an ecosystem's packages are
/// declared in.
/// </summary>
internal static partial class PackageFiles
{
    private static readonly Dictionary<string, string> Lockfiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["package-lock.json"] = "npm", ["npm-shrinkwrap.json"] = "npm", ["yarn.lock"] = "npm", ["pnpm-lock.yaml"] = "npm", ["package.json"] = "npm", ["bun.lock"] = "npm",
        ["requirements.txt"] = "pypi", ["Pipfile.lock"] = "pypi", ["poetry.lock"] = "pypi", ["uv.lock"] = "pypi", ["pylock.toml"] = "pypi",
        ["go.mod"] = "golang", ["go.sum"] = "golang", ["Cargo.lock"] = "cargo", ["composer.lock"] = "composer", ["Gemfile.lock"] = "gem",
        ["packages.lock.json"] = "nuget", ["packages.config"] = "nuget", ["pubspec.lock"] = "pub", ["mix.lock"] = "hex",
    };

    /// <summary>The purl type of the packages the file declares, by its name; null for any other file.</summary>
    public static string? EcosystemOfLockfile(string? path) =>
        path is null ? null : Lockfiles.GetValueOrDefault(Path.GetFileName(path.Replace('\\', '/')));

    /// <summary>The package a path belongs to, and how that was read; null when the path says nothing of one.</summary>
    public static (string PurlType, string Name, string? Version, string Rule)? Owner(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var normalized = path.Replace('\\', '/');
        if (DistInfo().Match(normalized) is { Success: true } wheel)
        {
            return ("pypi", wheel.Groups["name"].Value, wheel.Groups["version"].Value, "a site-packages *.dist-info directory");
        }

        if (NodeModule().Match(normalized) is { Success: true } module)
        {
            return ("npm", module.Groups["name"].Value, null, "a node_modules/PKG/package.json path");
        }

        if (DebianDoc().Match(normalized) is { Success: true } doc)
        {
            return ("deb", doc.Groups["name"].Value, null, "a /usr/share/doc/PKG path");
        }

        return null;
    }

    /// <summary>Whether the path is the Debian package database, which names packages only inside.</summary>
    public static bool IsDpkgStatus(string? path) =>
        path is not null && (path.EndsWith("/var/lib/dpkg/status", StringComparison.Ordinal) || path == "var/lib/dpkg/status" || path.Contains("/var/lib/dpkg/status.d/", StringComparison.Ordinal));

    [GeneratedRegex(@"(?:^|/)site-packages/(?<name>[A-Za-z0-9][A-Za-z0-9._]*?)-(?<version>[0-9][^/-]*)\.dist-info(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DistInfo();

    [GeneratedRegex(@"(?:^|/)node_modules/(?<name>(?:@[^/]+/)?[^/@]+)/package\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex NodeModule();

    [GeneratedRegex(@"(?:^|/)usr/share/doc/(?<name>[a-z0-9][a-z0-9+.-]+)/", RegexOptions.CultureInvariant)]
    private static partial Regex DebianDoc();
}

using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Dependabot;

/// <summary>GitHub's package ecosystems (REST lower case, GraphQL upper case) as purls.</summary>
internal static class DependabotPackages
{
    /// <summary>A purl asset where the ecosystem has a purl type, else the package by GitHub's ecosystem word.</summary>
    public static ReportedAsset Asset(string? ecosystem, string name, string? version)
    {
        var purl = ecosystem?.ToLowerInvariant() switch
        {
            "npm" => Split("npm", name, '/', scopedOnly: true, version),
            "pip" => Split("pypi", name, null, scopedOnly: false, version),
            "maven" => Split("maven", name, ':', scopedOnly: false, version),
            "nuget" => Split("nuget", name, null, scopedOnly: false, version),
            "rubygems" => Split("gem", name, null, scopedOnly: false, version),
            "composer" => Split("composer", name, '/', scopedOnly: false, version),
            "go" => Split("golang", name, '/', scopedOnly: false, version),
            "rust" => Split("cargo", name, null, scopedOnly: false, version),
            "pub" => Split("pub", name, null, scopedOnly: false, version),
            "erlang" => Split("hex", name, null, scopedOnly: false, version),
            "swift" => Split("swift", name, '/', scopedOnly: false, version),
            _ => null,
        };

        return purl is not null ? ReportedAsset.Package(purl) : ReportedAsset.Package(ecosystem?.ToLowerInvariant(), name, version);
    }

    // The namespace is what comes before the last separator (Maven group, Go module path, Composer vendor, npm scope).
    private static PackageUrl? Split(string type, string name, char? separator, bool scopedOnly, string? version)
    {
        var at = separator is { } s ? name.LastIndexOf(s) : -1;
        var split = at > 0 && at < name.Length - 1 && (!scopedOnly || name.StartsWith('@'));
        var purl = PackageUrl.Create(type, split ? name[..at] : null, split ? name[(at + 1)..] : name, version, null, null);
        return purl.Success ? purl.Value : null;
    }
}

using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Trivy;

/// <summary>
/// Purls for packages that older Trivy reports name only by result type and package name: the same package as a purl
/// from an SBOM, so findings of both meet.
/// </summary>
internal static class TrivyPackages
{
    public static ReportedAsset Asset(string? type, string name, string? version)
    {
        var (purlType, @namespace, purlName) = type switch
        {
            "npm" or "yarn" or "pnpm" or "bun" or "node-pkg" => ("npm", null, name),
            "pip" or "pipenv" or "poetry" or "python-pkg" or "uv" => ("pypi", null, name),
            "gomod" or "gobinary" => ("golang", null, name),
            "cargo" or "rustbinary" => ("cargo", null, name),
            "composer" or "composer-vendor" => ("composer", null, name),
            "bundler" or "gemspec" => ("gem", null, name),
            "nuget" or "dotnet-core" or "packages-props" => ("nuget", null, name),
            "jar" or "pom" or "gradle" or "sbt" when name.Split(':') is [var group, var artifact] => ("maven", group, artifact),
            "debian" or "ubuntu" => ("deb", type, name),
            "alpine" => ("apk", "alpine", name),
            _ => ((string?)null, (string?)null, name),
        };
        return purlType is not null && PackageUrl.Create(purlType, @namespace, purlName, version, null, null, strict: false) is { Success: true, Value: { } purl }
            ? ReportedAsset.Package(purl)
            : ReportedAsset.Package(type, name, version);
    }
}

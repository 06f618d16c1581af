using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>A package a convention read from a result, and how.</summary>
internal sealed record DerivedPackage(ReportedAsset Asset, IdentityDerivation Identity)
{
    /// <summary>The package in an ecosystem when the purl can be built, else by the tool's word for its type (or none).</summary>
    public static DerivedPackage Of(string? purlType, string? @namespace, string? toolType, string name, string? version, IdentityDerivation identity)
    {
        // npm scopes, Go module paths and Composer vendors are the purl's namespace.
        var slash = name.LastIndexOf('/');
        if (@namespace is null && slash > 0 && purlType is "npm" or "golang" or "composer")
        {
            (@namespace, name) = (name[..slash], name[(slash + 1)..]);
        }

        if (purlType is not null && PackageUrl.Create(purlType, @namespace, name, version, null, null, strict: false) is { Success: true, Value: { } purl })
        {
            return new(ReportedAsset.Package(purl), identity);
        }

        return new(ReportedAsset.Package(toolType, @namespace is null ? name : $"{@namespace}/{name}", version), identity);
    }
}

/// <summary>One SARIF producer's conventions for naming the package a result is about (see docs/supported-formats.md).</summary>
internal interface ISarifPackageConvention
{
    /// <summary>Whether the run's tool (<c>tool.driver.name</c>) follows this convention.</summary>
    bool Applies(string tool);

    DerivedPackage? PackageOf(SarifResultFacts result);
}

using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>
/// Any producer: a result on a file that belongs to a package (<see cref="PackageFiles"/>) is about that package, and
/// one on the Debian package database or a lockfile is about the package its message names ("Package: X",
/// "Installed Version: Y" or "Version: Y"). Without a version the file stays the asset: a package without its version
/// is no exposure Ctem can compare.
/// </summary>
internal sealed class PackagePathConvention : ISarifPackageConvention
{
    public bool Applies(string tool) => true;

    public DerivedPackage? PackageOf(SarifResultFacts result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var named = result.Field("Package");
        var version = result.Field("Installed Version") ?? result.Field("Version");
        if (PackageFiles.Owner(result.File) is { } owner && (owner.Version ?? (named == owner.Name ? version : null)) is { } ownerVersion)
        {
            return DerivedPackage.Of(owner.PurlType, null, owner.PurlType, owner.Name, ownerVersion,
                new($"the file '{result.File}' ({owner.Rule})", IdentityConfidence.Inferred));
        }

        if (named is null || version is null)
        {
            return null;
        }

        if (PackageFiles.IsDpkgStatus(result.File))
        {
            return DerivedPackage.Of(null, null, "deb", named, version,
                new("the message's 'Package:' and version on the Debian package database; the distribution is not given", IdentityConfidence.Inferred));
        }

        var type = PackageFiles.EcosystemOfLockfile(result.File);
        return DerivedPackage.Of(type, null, null, named, version,
            new($"the message's 'Package:' and version{(type is null ? "; no ecosystem given" : $"; the ecosystem ({type}) from the lockfile '{result.File}'")}", IdentityConfidence.Inferred));
    }
}

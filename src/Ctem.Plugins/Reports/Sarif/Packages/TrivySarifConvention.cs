using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>
/// Trivy (<c>trivy image|fs --format sarif</c>) names the package in the result message ("Package: X",
/// "Installed Version: Y") and the location message ("TARGET: X@Y"), never as a purl. The rule's name says which
/// kind: <c>OsPackageVulnerability</c> (the OS is not written: its distribution is guessed from the run's image name
/// and tags) or <c>LanguageSpecificPackageVulnerability</c> (the ecosystem is the one of the lockfile the location
/// names).
/// </summary>
internal sealed partial class TrivySarifConvention : ISarifPackageConvention
{
    public bool Applies(string tool) => tool.Equals("Trivy", StringComparison.OrdinalIgnoreCase);

    public DerivedPackage? PackageOf(SarifResultFacts result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (name, version, read) = result.Field("Package") is { } named
            ? (named, result.Field("Installed Version"), "the message's 'Package:' and 'Installed Version:'")
            : Located(result.LocationMessage);
        if (name is null)
        {
            return null;
        }

        if (result.RuleName == "OsPackageVulnerability" && DistributionNames.Guess(result.Targets) is { } distribution)
        {
            return DerivedPackage.Of(distribution.PurlType, distribution.Namespace, null, name, version,
                new($"{read} (Trivy); the distribution ({distribution.Namespace}) guessed from the image name '{distribution.Name}'", IdentityConfidence.Guessed));
        }

        if (result.RuleName == "LanguageSpecificPackageVulnerability" && PackageFiles.EcosystemOfLockfile(result.File) is { } type)
        {
            return DerivedPackage.Of(type, null, null, name, version,
                new($"{read} (Trivy); the ecosystem ({type}) from the lockfile '{result.File}'", IdentityConfidence.Inferred));
        }

        return DerivedPackage.Of(null, null, null, name, version, new($"{read} (Trivy); no ecosystem given", IdentityConfidence.Stated));
    }

    private static (string? Name, string? Version, string Read) Located(string? message) =>
        message is not null && LocatedPackage().Match(message) is { Success: true } match
            ? (match.Groups["name"].Value, match.Groups["version"].Value, "the location message 'TARGET: PKG@VERSION'")
            : (null, null, "");

    [GeneratedRegex(@"^.+: (?<name>[^\s@:]+)@(?<version>[^\s@]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatedPackage();
}

using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>
/// Grype (<c>grype -o sarif</c>) gives a rule per (vulnerability, package), with the package's purl in the rule's
/// <c>purls</c> property when it has one (read before any convention). Without one, the rule's help says "Package: X",
/// "Version: Y" and "Type: T" (Grype's package type: <c>rpm</c>, <c>deb</c>, <c>java-archive</c>, …), as its JSON
/// output's artifact does; the rule id is "VULN-ID-PACKAGE" and the full description "Version Y is affected …". The
/// scanned image is named only in result messages ("… was found in image TARGET at: PATH").
/// </summary>
internal sealed partial class GrypeSarifConvention : ISarifPackageConvention
{
    public bool Applies(string tool) => tool.Equals("grype", StringComparison.OrdinalIgnoreCase);

    public DerivedPackage? PackageOf(SarifResultFacts result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Field("Package") is { } name)
        {
            var type = result.Field("Type");
            return DerivedPackage.Of(null, null, type, name, result.Field("Version"),
                new($"the rule help's 'Package:', 'Version:'{(type is null ? "" : " and 'Type:'")} (Grype)", IdentityConfidence.Stated));
        }

        if (result.RuleId is not null && RuleId().Match(result.RuleId) is { Success: true } rule)
        {
            var version = result.FullDescription is not null && AffectedVersion().Match(result.FullDescription) is { Success: true } affected ? affected.Groups[1].Value : null;
            return DerivedPackage.Of(null, null, null, rule.Groups["name"].Value, version,
                new("the rule id 'VULN-ID-PACKAGE' and the full description 'Version V is affected' (Grype); no ecosystem given", IdentityConfidence.Inferred));
        }

        return null;
    }

    /// <summary>The image the results' messages say they were found in, when they all name the same one.</summary>
    public static string? TargetIn(IEnumerable<string?> messages) =>
        messages.OfType<string>().Select(m => FoundInImage().Match(m)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList() is [var only]
            ? only
            : null;

    [GeneratedRegex(@" was found in image (\S+) at: ", RegexOptions.CultureInvariant)]
    private static partial Regex FoundInImage();

    [GeneratedRegex(@"^(?:CVE-\d{4}-\d{4,}|GHSA(?:-[a-z0-9]{4}){3})-(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^Version (\S+) is affected", RegexOptions.CultureInvariant)]
    private static partial Regex AffectedVersion();
}

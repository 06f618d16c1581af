using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>
/// OWASP dependency-check (<c>--format SARIF</c>) names only the vulnerable file. Its JavaScript analyser (RetireJS)
/// reads the library from the file name "NAME-VERSION(.min).js", and its XML and JSON reports give that library the
/// purl <c>pkg:javascript/NAME@VERSION</c>; a jar named "NAME-VERSION.jar" gives the name and version without an
/// ecosystem (its Maven group is not in the name). A file whose name carries no version stays the asset.
/// </summary>
internal sealed partial class DependencyCheckSarifConvention : ISarifPackageConvention
{
    public bool Applies(string tool) => tool.Equals("dependency-check", StringComparison.OrdinalIgnoreCase);

    public DerivedPackage? PackageOf(SarifResultFacts result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var file = result.File is null ? null : Path.GetFileName(result.File.Replace('\\', '/'));
        if (file is null || Versioned().Match(file) is not { Success: true } match)
        {
            return null;
        }

        var (name, version, extension) = (match.Groups["name"].Value, match.Groups["version"].Value, match.Groups["ext"].Value);
        return extension == "js"
            ? DerivedPackage.Of("javascript", null, null, name, version,
                new($"the file name '{file}' (dependency-check's JavaScript library naming)", IdentityConfidence.Inferred))
            : DerivedPackage.Of(null, null, null, name, version,
                new($"the file name '{file}' (dependency-check); no ecosystem given", IdentityConfidence.Inferred));
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9._-]*?)-(?<version>\d+(?:\.\d+)+[A-Za-z0-9.+-]*?)(?:\.min)?\.(?<ext>js|jar)$", RegexOptions.CultureInvariant)]
    private static partial Regex Versioned();
}

using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Pub;

/// <summary>
/// Dart pub's ordering (package pub_semver): SemVer 2.0 precedence, except that build metadata counts — a version
/// with a build sorts after the same version without one, and builds compare like pre-release identifiers.
/// A leading "v" is accepted, as osv-scanner does; otherwise all three numbers are required, as pub requires them,
/// and ordered by value at any length (pub refuses one beyond 2^63-1). Pre-release and build parts are numbers only
/// as far as a Dart int reaches (<see cref="DartInt"/>).
/// </summary>
public sealed partial class PubScheme : IVersionScheme
{
    public static PubScheme Instance { get; } = new();

    public string Name => "pub";

    public IReadOnlyList<string> Ecosystems { get; } = ["Pub"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && (trimmed[0] == 'v' || trimmed[0] == 'V'))
        {
            trimmed = trimmed[1..];
        }

        var match = VersionPattern().Match(trimmed);
        if (!match.Success)
        {
            error = $"'{text}' is not a pub version (major.minor.patch[-pre-release][+build])";
            return false;
        }

        version = new PubVersion(
            text,
            [DigitString.TrimZeros(match.Groups["major"].Value), DigitString.TrimZeros(match.Groups["minor"].Value), DigitString.TrimZeros(match.Groups["patch"].Value)],
            PubIdentifiers.Split(match.Groups["pre"]),
            PubIdentifiers.Split(match.Groups["build"]));
        error = null;
        return true;
    }

    // pub_semver's grammar: ASCII digits only, identifiers of letters, digits and '-'.
    [GeneratedRegex(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)\.(?<patch>[0-9]+)(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}

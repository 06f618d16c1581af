using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// Python package versions ordered as the <c>packaging</c> library does. Text that matches the PEP 440 grammar is
/// normalised (case, separators, alternative spellings, implicit numbers) and ordered by epoch, release, pre-, post-,
/// dev-release and local label. Older PyPI releases carry versions outside PEP 440 ("0.9-doduo",
/// "2013-01-21T20:33:09+0100"); like packaging's <c>LegacyVersion</c> they are kept, ordered among themselves by the
/// setuptools key and below every PEP 440 version.
/// </summary>
public sealed class Pep440Scheme : IVersionScheme
{
    public static Pep440Scheme Instance { get; } = new();

    public string Name => "pep440";

    public IReadOnlyList<string> Ecosystems { get; } = ["PyPI"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.Trim();

        // PEP 440 versions are ASCII; checking first also keeps the case-insensitive pattern from accepting look-alike
        // letters such as the Kelvin sign for "k".
        if (trimmed.Length == 0 || !trimmed.All(c => c > ' ' && c < '\u007f'))
        {
            error = $"'{text}' is not a PyPI version (empty, or not printable ASCII without blanks)";
            return false;
        }

        if (Pep440Release.TryParse(trimmed, out var release))
        {
            version = new PythonVersion(text, release, null);
            error = null;
            return true;
        }

        // Any string is a LegacyVersion to packaging; demanding a digit keeps words such as "latest" from being
        // ordered as if they were releases.
        if (!trimmed.Any(char.IsAsciiDigit))
        {
            error = $"'{text}' is not a PyPI version (neither PEP 440 nor a legacy version with digits)";
            return false;
        }

        version = new PythonVersion(text, null, LegacyKey.Parse(trimmed));
        error = null;
        return true;
    }
}

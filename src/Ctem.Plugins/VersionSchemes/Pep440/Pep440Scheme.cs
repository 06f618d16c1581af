using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// Python package versions ordered as the <c>packaging</c> library (21.x, the last with <c>LegacyVersion</c>) does.
/// Text that matches the PEP 440 grammar, after white space at either end, is normalised (case, separators,
/// alternative spellings, implicit numbers) and ordered by epoch, release, pre-, post-, dev-release and local label.
/// Any other text is a legacy version, as <c>packaging.version.parse</c> made it: older PyPI releases carry versions
/// outside PEP 440 ("0.9-doduo", "2013-01-21T20:33:09+0100", "latest"). Legacy versions sort below every PEP 440
/// version and among themselves by packaging's <c>_legacy_cmpkey</c> over the text as given. Only empty or all-blank
/// text is no version. One deviation: text with characters outside ASCII is always legacy here, where Python's
/// case-insensitive pattern would read the look-alike letters İ, ı, ſ and the Kelvin sign as i, i, s and k.
/// </summary>
public sealed class Pep440Scheme : IVersionScheme
{
    public static Pep440Scheme Instance { get; } = new();

    public string Name => "pep440";

    public IReadOnlyList<string> Ecosystems { get; } = ["PyPI"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = PythonText.Strip(text);
        if (trimmed.IsEmpty)
        {
            error = $"'{text}' is not a PyPI version (empty)";
            return false;
        }

        // Checking for ASCII first keeps .NET's case-insensitive pattern from accepting look-alike letters.
        var pep440 = trimmed.ToString();
        if (Ascii.IsValid(trimmed) && Pep440Release.TryParse(pep440, out var release))
        {
            version = new PythonVersion(text, release, null);
        }
        else
        {
            version = new PythonVersion(text, null, LegacyKey.Parse(text));
        }

        error = null;
        return true;
    }
}

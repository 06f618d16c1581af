using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Alpine;

/// <summary>
/// apk-tools version ordering: <c>number{.number}...{letter}{_suffix{number}}...{~hash}{-rN}</c>.
/// Like <c>apk version -t</c>, text that does not follow that shape is still ordered (see <see cref="AlpineVersion"/>),
/// so only text no package could carry (empty, or with white space or control characters) is rejected.
/// </summary>
public sealed class AlpineScheme : IVersionScheme
{
    public static AlpineScheme Instance { get; } = new();

    public string Name => "alpine";

    // Wolfi and Chainguard images are apk-based: same version rules.
    public IReadOnlyList<string> Ecosystems { get; } = ["Alpine", "Wolfi", "Chainguard"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "an Alpine version must not be empty";
            return false;
        }

        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"'{text}' contains white space or control characters, which no apk version has";
            return false;
        }

        version = AlpineParser.Parse(text, trimmed);
        error = null;
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.RubyGems;

/// <summary>
/// RubyGems versions ordered as <c>Gem::Version#&lt;=&gt;</c> does: the text (with "-" read as ".pre.") is cut into
/// runs of digits and runs of letters; a letter segment marks a pre-release and sorts below any number; trailing zero
/// segments of the release part and of the pre-release part are ignored. Letter segments compare case-sensitively, as
/// Ruby compares strings.
/// </summary>
public sealed partial class RubyGemsScheme : IVersionScheme
{
    public static RubyGemsScheme Instance { get; } = new();

    public string Name => "rubygems";

    public IReadOnlyList<string> Ecosystems { get; } = ["RubyGems"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "an empty string is not a RubyGems version";
            return false;
        }

        if (!GemVersionPattern().IsMatch(trimmed))
        {
            error = $"'{text}' is not a RubyGems version (expected dot-separated letters and digits starting with a number)";
            return false;
        }

        version = new GemVersion(text, GemSegments.Canonical(trimmed.Replace("-", ".pre.", StringComparison.Ordinal)));
        error = null;
        return true;
    }

    // Gem::Version::VERSION_PATTERN without the surrounding whitespace the caller trimmed, and with one relaxation:
    // letters may follow the first number ("1beta"), which Gem::Version rejects but osv-scalibr orders, segment by
    // segment like any other pre-release, and its test cases rely on.
    [GeneratedRegex(@"\A[0-9][0-9a-zA-Z]*(?>\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex GemVersionPattern();
}

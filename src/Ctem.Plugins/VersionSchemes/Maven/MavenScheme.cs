using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Maven;

/// <summary>
/// Maven's <c>ComparableVersion</c> ordering as maven-artifact 3.8.7 has it (the "release" alias; a list compared
/// with nothing item by item, MNG-6964), except MNG-7644, which reads "1.0.RC1" as "1.0-RC1": the shared vectors,
/// generated with 3.8.6, order three real version pairs the older way:
/// items split on '.', '-' and digit/letter transitions, qualifiers alpha &lt; beta &lt; milestone &lt; rc = cr
/// &lt; snapshot &lt; "" = ga = final = release &lt; sp &lt; unknown (lexical), case-insensitive.
/// </summary>
public sealed class MavenScheme : IVersionScheme
{
    public static MavenScheme Instance { get; } = new();

    public string Name => "maven";

    public IReadOnlyList<string> Ecosystems { get; } = ["Maven"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.Trim();

        // ComparableVersion accepts any string; only text that cannot stand in a POM's <version> is refused here.
        if (trimmed.Length == 0 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"'{text}' is not a Maven version";
            return false;
        }

        version = new MavenVersion(text, MavenParser.Parse(trimmed));
        error = null;
        return true;
    }
}

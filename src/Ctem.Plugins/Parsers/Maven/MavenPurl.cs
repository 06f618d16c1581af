using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>Maven purls: <c>pkg:maven/group/artifact@version</c>, with the classifier and any non-jar type as qualifiers.</summary>
internal static class MavenPurl
{
    public static PackageUrl? Create(string groupId, string artifactId, string? version, string? type = null, string? classifier = null)
    {
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(classifier))
        {
            qualifiers["classifier"] = classifier;
        }

        if (!string.IsNullOrEmpty(type) && type != "jar")
        {
            qualifiers["type"] = type;
        }

        return PackageUrl.Create("maven", groupId, artifactId, version, qualifiers, null).Value;
    }

    public static string BomRef(PackageUrl? purl, string name, string? version) =>
        purl?.ToString() ?? (version is null ? name : $"{name}@{version}");

    /// <summary>
    /// The exact version a Maven version text names, or null with why not: <c>1.2</c> and <c>[1.2]</c> are exact,
    /// ranges like <c>[1.0,2.0)</c> are resolved only by the build.
    /// </summary>
    public static (string? Version, string? Problem) Exact(string text)
    {
        if (text.Length == 0)
        {
            return (null, "the version is empty");
        }

        if (text[0] is not ('[' or '('))
        {
            return (text, null);
        }

        return text.Length > 2 && text[0] == '[' && text[^1] == ']' && !text.Contains(',', StringComparison.Ordinal)
            ? (text[1..^1].Trim(), null)
            : (null, $"'{text}' is a version range, resolved only by the build");
    }
}

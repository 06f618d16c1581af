using System.Text;
using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Reporting;

/// <summary>
/// The physical locations of SARIF results: a path relative to the scan's root, under a <c>uriBaseId</c> that
/// <c>originalUriBaseIds</c> resolves to the root's absolute <c>file:</c> URI. Code scanning reads relative paths as
/// relative to the repository's root.
/// </summary>
internal sealed class SarifPlaces
{
    private readonly Dictionary<string, string> _baseIds = new(StringComparer.Ordinal);

    /// <summary>Names the roots of <paramref name="places"/>: the commonest <c>%SRCROOT%</c>, the others <c>%SRCROOT2%</c>, ….</summary>
    public SarifPlaces(IEnumerable<FilePlace?> places)
    {
        var roots = places.Select(p => p?.Root).OfType<string>()
            .GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
        foreach (var root in roots)
        {
            _baseIds[root] = _baseIds.Count == 0 ? "%SRCROOT%" : $"%SRCROOT{_baseIds.Count + 1}%";
        }
    }

    public void WriteBaseIds(Utf8JsonWriter writer)
    {
        if (_baseIds.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("originalUriBaseIds");
        foreach (var (root, id) in _baseIds)
        {
            writer.WriteStartObject(id);
            writer.WriteString("uri", new Uri(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar).AbsoluteUri);
            writer.WriteStartObject("description");
            writer.WriteString("text", "The directory the scan read.");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The file and a region on its line: the whole file's first line where the format names no line. The region
    /// gives all four of GitHub's required numbers; columns are not known, so it marks the line's start.
    /// </summary>
    public void WritePhysicalLocation(Utf8JsonWriter writer, FilePlace place)
    {
        var line = place.Line ?? 1;
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", RelativeUri(place.Path));
        if (place.Root is { } root)
        {
            writer.WriteString("uriBaseId", _baseIds[root]);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", line);
        writer.WriteNumber("startColumn", 1);
        writer.WriteNumber("endLine", line);
        writer.WriteNumber("endColumn", 1);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A relative path as a URI reference: every character that may not stand in a path segment is percent-encoded
    /// (UTF-8), ':' too, so that no first segment reads as a scheme.
    /// </summary>
    public static string RelativeUri(string path)
    {
        var uri = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=@/".Contains(c, StringComparison.Ordinal))
            {
                uri.Append(c);
            }
            else
            {
                uri.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return uri.ToString();
    }
}

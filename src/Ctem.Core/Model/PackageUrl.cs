using System.Text;
using Ctem.Core.Text;

namespace Ctem.Core.Model;

/// <summary>
/// A package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>), parsed per the purl specification:
/// components are split from the right, percent-decoded, and the type is lower-cased.
/// </summary>
public sealed record PackageUrl(
    string Type,
    string? Namespace,
    string Name,
    string? Version,
    IReadOnlyDictionary<string, string> Qualifiers,
    string? Subpath)
{
    public static ParseResult<PackageUrl> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        if (!rest.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult<PackageUrl>.Fail("a purl must start with 'pkg:'");
        }

        rest = rest[4..].TrimStart('/');

        string? subpath = null;
        var hash = rest.LastIndexOf('#');
        if (hash >= 0)
        {
            subpath = NormalizeSubpath(rest[(hash + 1)..]);
            rest = rest[..hash];
        }

        var qualifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var question = rest.LastIndexOf('?');
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    return ParseResult<PackageUrl>.Fail($"qualifier '{pair}' has no key=value form");
                }

                var value = Decode(pair[(equals + 1)..]);
                if (value.Length > 0)
                {
                    qualifiers[pair[..equals].ToLowerInvariant()] = value;
                }
            }

            rest = rest[..question];
        }

        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return ParseResult<PackageUrl>.Fail("a purl needs a type and a name ('pkg:type/name')");
        }

        var type = rest[..slash].ToLowerInvariant();
        if (!IsValidType(type))
        {
            return ParseResult<PackageUrl>.Fail($"'{type}' is not a valid purl type");
        }

        rest = rest[(slash + 1)..].Trim('/');

        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0 && rest.IndexOf('/', at) < 0)
        {
            version = Decode(rest[(at + 1)..]);
            rest = rest[..at];
            if (version.Length == 0)
            {
                version = null;
            }
        }

        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Decode).ToArray();
        if (segments.Length == 0 || segments[^1].Length == 0)
        {
            return ParseResult<PackageUrl>.Fail("a purl needs a name");
        }

        var name = segments[^1];
        var ns = segments.Length > 1 ? string.Join('/', segments[..^1]) : null;
        return ParseResult<PackageUrl>.Ok(new PackageUrl(type, ns, name, version, qualifiers, subpath));
    }

    /// <summary>The canonical form without qualifiers and subpath: the package and version a finding is about.</summary>
    public string ToCoordinates()
    {
        var builder = new StringBuilder("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
        {
            foreach (var segment in Namespace.Split('/'))
            {
                builder.Append(Encode(segment)).Append('/');
            }
        }

        builder.Append(Encode(Name));
        if (Version is not null)
        {
            builder.Append('@').Append(Encode(Version));
        }

        return builder.ToString();
    }

    public override string ToString()
    {
        var builder = new StringBuilder(ToCoordinates());
        if (Qualifiers.Count > 0)
        {
            builder.Append('?').AppendJoin('&', Qualifiers.Select(q => $"{q.Key}={Encode(q.Value)}"));
        }

        if (Subpath is not null)
        {
            builder.Append('#').Append(Subpath);
        }

        return builder.ToString();
    }

    private static bool IsValidType(string type) =>
        type.Length > 0 && char.IsAsciiLetter(type[0]) && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-');

    private static string? NormalizeSubpath(string subpath)
    {
        var segments = subpath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Decode)
            .Where(s => s is not "." and not "..")
            .ToArray();
        return segments.Length == 0 ? null : string.Join('/', segments);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("%3A", ":", StringComparison.Ordinal);
}

using System.Text;
using Ctem.Core.Text;

namespace Ctem.Core.Model;

/// <summary>
/// A package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>) per the purl specification (ECMA-427):
/// components hold decoded text in canonical form (type lowercase, per-type case folding and name rules applied,
/// qualifier keys lowercase, empty qualifiers dropped, subpath without empty, '.' and '..' segments).
/// </summary>
public sealed record PackageUrl(
    string Type,
    string? Namespace,
    string Name,
    string? Version,
    IReadOnlyDictionary<string, string> Qualifiers,
    string? Subpath)
{
    private const string Scheme = "pkg:";

    /// <summary>
    /// Parses a purl, remedying what is commonly written but not canonical (upper-case qualifier keys are
    /// lowercased, as the specification's "recommended" cases do); use this for purls read from the outside.
    /// </summary>
    public static ParseResult<PackageUrl> Parse(string text) => Parse(text, strict: false);

    /// <summary>Parses a purl, rejecting anything the specification says a purl shall not contain.</summary>
    public static ParseResult<PackageUrl> ParseStrict(string text) => Parse(text, strict: true);

    /// <summary>Builds a purl from decoded components, normalising them to canonical form, or says why it cannot.</summary>
    public static ParseResult<PackageUrl> Create(
        string? type,
        string? @namespace,
        string? name,
        string? version,
        IReadOnlyDictionary<string, string>? qualifiers,
        string? subpath,
        bool strict = true)
    {
        if (string.IsNullOrEmpty(type))
        {
            return ParseResult<PackageUrl>.Fail("a purl needs a type");
        }

        if (string.IsNullOrEmpty(name))
        {
            return ParseResult<PackageUrl>.Fail("a purl needs a name");
        }

        var canonicalQualifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in qualifiers ?? new Dictionary<string, string>())
        {
            if (AddQualifier(canonicalQualifiers, key.ToLowerInvariant(), value) is { } error)
            {
                return ParseResult<PackageUrl>.Fail(error);
            }
        }

        var segments = (@namespace ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var subpathSegments = (subpath ?? string.Empty).Split('/').Where(IsSubpathSegment);
        return Complete(
            new PackageUrl(type, Join(segments), name, NullIfEmpty(version), canonicalQualifiers, Join(subpathSegments)),
            strict);
    }

    /// <summary>The canonical form without qualifiers and subpath: the package and version a finding is about.</summary>
    public string ToCoordinates()
    {
        var builder = new StringBuilder(Scheme).Append(Type).Append('/');
        if (Namespace is not null)
        {
            builder.Append(PackageUrlEncoding.EncodeSegments(Namespace)).Append('/');
        }

        builder.Append(PackageUrlTypes.NameIsPath(Type) ? PackageUrlEncoding.EncodeSegments(Name) : PackageUrlEncoding.Encode(Name));
        if (Version is not null)
        {
            builder.Append('@').Append(PackageUrlEncoding.Encode(Version));
        }

        return builder.ToString();
    }

    /// <summary>The full canonical form.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(ToCoordinates());
        var qualifiers = Qualifiers
            .Where(q => q.Value.Length > 0)
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => $"{q.Key}={PackageUrlEncoding.Encode(q.Value)}")
            .ToArray();
        if (qualifiers.Length > 0)
        {
            builder.Append('?').AppendJoin('&', qualifiers);
        }

        if (Subpath is not null)
        {
            builder.Append('#').Append(PackageUrlEncoding.EncodeSegments(Subpath));
        }

        return builder.ToString();
    }

    private static ParseResult<PackageUrl> Parse(string text, bool strict)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        if (!rest.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult<PackageUrl>.Fail("a purl must start with 'pkg:'");
        }

        // The fragment and the query end at the first '#' and '?': neither character may appear unencoded before them.
        rest = rest[Scheme.Length..].TrimStart('/');
        var subpath = Cut(ref rest, '#');
        var query = Cut(ref rest, '?');

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return ParseResult<PackageUrl>.Fail("a purl needs a type and a name ('pkg:type/name')");
        }

        var type = rest[..slash];
        var path = rest[(slash + 1)..].Trim('/');

        // A version '@' is the last one with no '/' after it; an '@' earlier is part of a name (an unencoded npm scope).
        string? version = null;
        var at = path.LastIndexOf('@');
        if (at >= 0 && path.IndexOf('/', at) < 0)
        {
            version = path[(at + 1)..];
            path = path[..at];
        }

        var lastSlash = path.LastIndexOf('/');
        var name = PackageUrlEncoding.Decode(path[(lastSlash + 1)..]);
        if (name is null)
        {
            return ParseResult<PackageUrl>.Fail($"the name '{path[(lastSlash + 1)..]}' has a '%' that does not start a percent-encoded octet");
        }

        var ns = DecodeSegments(lastSlash < 0 ? string.Empty : path[..lastSlash], "namespace");
        var decodedVersion = version is null ? string.Empty : PackageUrlEncoding.Decode(version);
        var qualifiers = ParseQualifiers(query, strict);
        var subpathSegments = DecodeSegments(subpath ?? string.Empty, "subpath");
        if ((ns.Error ?? qualifiers.Error ?? subpathSegments.Error) is { } error)
        {
            return ParseResult<PackageUrl>.Fail(error);
        }

        if (decodedVersion is null)
        {
            return ParseResult<PackageUrl>.Fail($"the version '{version}' has a '%' that does not start a percent-encoded octet");
        }

        var purl = new PackageUrl(
            type,
            Join(ns.Segments),
            name,
            NullIfEmpty(decodedVersion),
            qualifiers.Values,
            Join(subpathSegments.Segments.Where(IsSubpathSegment)));
        return Complete(purl, strict);
    }

    private static ParseResult<PackageUrl> Complete(PackageUrl purl, bool strict)
    {
        if (!IsValidType(purl.Type))
        {
            return ParseResult<PackageUrl>.Fail(
                $"'{purl.Type}' is not a purl type (ASCII letters, digits, '.' and '-', starting with a letter)");
        }

        return PackageUrlTypes.Normalize(purl with { Type = purl.Type.ToLowerInvariant() }, strict);
    }

    private static (SortedDictionary<string, string> Values, string? Error) ParseQualifiers(string? query, bool strict)
    {
        var qualifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (query ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (qualifiers, $"qualifier '{pair}' is not a key=value pair");
            }

            var key = strict ? pair[..equals] : pair[..equals].ToLowerInvariant();
            var value = PackageUrlEncoding.Decode(pair[(equals + 1)..]);
            var error = value is null
                ? $"the value of qualifier '{key}' has a '%' that does not start a percent-encoded octet"
                : AddQualifier(qualifiers, key, value);
            if (error is not null)
            {
                return (qualifiers, error);
            }
        }

        return (qualifiers, null);
    }

    /// <summary>Adds one qualifier, dropping an empty value (the same as no qualifier), or says why the key is not one.</summary>
    private static string? AddQualifier(SortedDictionary<string, string> qualifiers, string key, string? value)
    {
        if (!IsValidQualifierKey(key))
        {
            return $"qualifier key '{key}' must be lowercase ASCII letters, digits, '.', '-' or '_', starting with a letter";
        }

        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return qualifiers.TryAdd(key, value) ? null : $"qualifier key '{key}' appears more than once";
    }

    private static (string[] Segments, string? Error) DecodeSegments(string text, string component)
    {
        var segments = new List<string>();
        foreach (var raw in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = PackageUrlEncoding.Decode(raw);
            if (segment is null)
            {
                return ([], $"the {component} segment '{raw}' has a '%' that does not start a percent-encoded octet");
            }

            if (segment.Contains('/', StringComparison.Ordinal))
            {
                return ([], $"the {component} segment '{raw}' decodes to text containing '/'");
            }

            segments.Add(segment);
        }

        return ([.. segments], null);
    }

    /// <summary>Removes and returns what follows the first <paramref name="separator"/>, or null when there is none.</summary>
    private static string? Cut(ref string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var tail = text[(index + 1)..];
        text = text[..index];
        return tail;
    }

    private static bool IsSubpathSegment(string segment) => segment is not ("" or "." or "..");

    private static string? Join(IEnumerable<string> segments) => NullIfEmpty(string.Join('/', segments));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static bool IsValidType(string type) =>
        type.Length > 0 && char.IsAsciiLetter(type[0]) && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    private static bool IsValidQualifierKey(string key) =>
        key.Length > 0 && char.IsAsciiLetterLower(key[0])
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
}

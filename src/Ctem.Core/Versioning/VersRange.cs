using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Core.Versioning;

/// <summary>
/// A <c>vers:</c> version range (the purl project's vers specification): a scheme and constraints such as
/// <c>vers:npm/&gt;=1.0.0|&lt;2.0.0</c>. Versions are compared with the scheme's <see cref="IVersionScheme"/>, never as
/// text; a scheme Ctem has no ordering for cannot be evaluated, and says so.
/// </summary>
public sealed class VersRange
{
    private static readonly string[] Comparators = [">=", "<=", "!=", "<", ">", "="];

    private VersRange(string scheme, IReadOnlyList<VersConstraint> constraints, bool any)
    {
        Scheme = scheme;
        Constraints = constraints;
        Any = any;
    }

    /// <summary>The versioning scheme, lowercase ("npm", "pypi", "deb").</summary>
    public string Scheme { get; }

    /// <summary>The constraints in ascending version order; empty for <c>*</c>.</summary>
    public IReadOnlyList<VersConstraint> Constraints { get; }

    /// <summary>True for <c>vers:scheme/*</c>: every version.</summary>
    public bool Any { get; }

    /// <summary>The OSV ecosystem whose version scheme orders this range's versions (vers schemes are purl types).</summary>
    public string? Ecosystem => Scheme switch
    {
        "deb" => "Debian",
        "apk" or "alpine" => "Alpine",
        "rpm" => "Red Hat",
        // A namespace where the type needs one (maven), none where it forbids one (pypi).
        _ => new[] { null, "x" }.Select(space => PackageUrl.Create(Scheme, space, "x", null, null, null, strict: false))
            .Where(p => p.Success).Select(p => Ecosystems.FromPurl(p.Value!)).FirstOrDefault(e => e is not null),
    };

    /// <summary>
    /// Parses a range and normalises it: constraints sorted by version (ties keep their order). Fails on what the
    /// specification never allows (whitespace, empty constraints, an unknown comparator) and on versions the scheme
    /// cannot read.
    /// </summary>
    public static ParseResult<VersRange> Parse(string text, VersionSchemeRegistry schemes) => Parse(text, schemes, canonical: false);

    /// <summary>Parses a range that must already be canonical: constraints given in version order.</summary>
    public static ParseResult<VersRange> ParseCanonical(string text, VersionSchemeRegistry schemes) => Parse(text, schemes, canonical: true);

    /// <summary>
    /// Whether <paramref name="version"/> is in the range, by the specification's containment algorithm; null when the
    /// version cannot be read by the scheme.
    /// </summary>
    public bool? Contains(string version, VersionSchemeRegistry schemes)
    {
        if (Any)
        {
            return true;
        }

        if (SchemeOf(schemes) is not { } scheme || !scheme.TryParse(version, out var parsed, out _))
        {
            return null;
        }

        foreach (var constraint in Constraints.Where(c => c.Comparator is "=" or "!="))
        {
            if (parsed.CompareTo(constraint.Parsed) == 0)
            {
                return constraint.Comparator == "=";
            }
        }

        var ranges = Constraints.Where(c => c.Comparator is not ("=" or "!=")).ToList();
        if (ranges.Count == 0)
        {
            // Only exclusions: every other version is in; only equalities: no other version is.
            return Constraints.All(c => c.Comparator == "!=");
        }

        if (ranges[0].IsUpper && Satisfies(parsed, ranges[0]))
        {
            return true;
        }

        if (ranges[^1].IsLower && Satisfies(parsed, ranges[^1]))
        {
            return true;
        }

        for (var i = 0; i + 1 < ranges.Count; i++)
        {
            if (ranges[i].IsLower && ranges[i + 1].IsUpper && Satisfies(parsed, ranges[i]) && Satisfies(parsed, ranges[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The normalised text: <c>vers:</c>, the scheme, and the sorted constraints.</summary>
    public override string ToString() => $"vers:{Scheme}/" + (Any ? "*" : string.Join('|', Constraints.Select(c => (c.Comparator == "=" ? "" : c.Comparator) + c.Version)));

    private IVersionScheme? SchemeOf(VersionSchemeRegistry schemes) => Ecosystem is { } ecosystem ? schemes.For(ecosystem) : null;

    private static bool Satisfies(ISchemeVersion version, VersConstraint constraint)
    {
        var order = version.CompareTo(constraint.Parsed);
        return constraint.Comparator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => order == 0,
        };
    }

    private static ParseResult<VersRange> Parse(string text, VersionSchemeRegistry schemes, bool canonical)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(char.IsWhiteSpace))
        {
            return ParseResult<VersRange>.Fail("non-canonical VERS: whitespace is not permitted");
        }

        if (!text.StartsWith("vers:", StringComparison.OrdinalIgnoreCase))
        {
            return ParseResult<VersRange>.Fail($"'{text}' is not a vers range: it must start with 'vers:'");
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == "vers:".Length)
        {
            return ParseResult<VersRange>.Fail($"'{text}' is not a vers range: it needs a scheme and constraints (vers:npm/>=1.0.0)");
        }

        var scheme = text["vers:".Length..slash].ToLowerInvariant();
        var body = text[(slash + 1)..];
        if (body == "*")
        {
            return ParseResult<VersRange>.Ok(new VersRange(scheme, [], any: true));
        }

        if (body.Length == 0)
        {
            return ParseResult<VersRange>.Fail($"'{text}' has no constraints");
        }

        if (body.StartsWith('|'))
        {
            return ParseResult<VersRange>.Fail("non-canonical VERS: leading pipe is not permitted");
        }

        if (body.EndsWith('|'))
        {
            return ParseResult<VersRange>.Fail("non-canonical VERS: trailing pipe is not permitted");
        }

        if (body.Contains("||", StringComparison.Ordinal))
        {
            return ParseResult<VersRange>.Fail("non-canonical VERS: consecutive pipes are not permitted");
        }

        var range = new VersRange(scheme, [], any: false);
        var versionScheme = range.SchemeOf(schemes);
        if (versionScheme is null)
        {
            return ParseResult<VersRange>.Fail($"vers scheme '{scheme}' has no version ordering in Ctem");
        }

        var constraints = new List<VersConstraint>();
        foreach (var part in body.Split('|'))
        {
            var comparator = Comparators.FirstOrDefault(c => part.StartsWith(c, StringComparison.Ordinal)) ?? "=";
            var version = Uri.UnescapeDataString(comparator == "=" && !part.StartsWith('=') ? part : part[comparator.Length..]);
            if (version.Length == 0)
            {
                return ParseResult<VersRange>.Fail($"'{part}' in '{text}' has no version");
            }

            if (!versionScheme.TryParse(version, out var parsed, out var error))
            {
                return ParseResult<VersRange>.Fail($"'{version}' in '{text}' is not a {scheme} version: {error}");
            }

            constraints.Add(new VersConstraint(comparator, version, parsed));
        }

        var sorted = constraints.OrderBy(c => c.Parsed, Comparer<ISchemeVersion>.Create((a, b) => a.CompareTo(b))).ToList();
        if (canonical && !sorted.SequenceEqual(constraints))
        {
            return ParseResult<VersRange>.Fail("non-canonical VERS: constraints are not sorted by version");
        }

        return ParseResult<VersRange>.Ok(new VersRange(scheme, sorted, any: false));
    }
}

/// <summary>One constraint of a <see cref="VersRange"/>: a comparator (<c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>) and a version.</summary>
public sealed record VersConstraint(string Comparator, string Version, ISchemeVersion Parsed)
{
    internal bool IsLower => Comparator is ">" or ">=";

    internal bool IsUpper => Comparator is "<" or "<=";
}

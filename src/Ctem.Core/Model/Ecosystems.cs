using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Ctem.Core.Model;

/// <summary>
/// OSV ecosystem names, how purl types map to them, and how each ecosystem spells a package name,
/// so that a component and an advisory meet on the same (ecosystem, name) key.
/// </summary>
public static partial class Ecosystems
{
    private static readonly FrozenDictionary<string, string> ByPurlType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["npm"] = "npm",
        ["golang"] = "Go",
        ["cargo"] = "crates.io",
        ["pypi"] = "PyPI",
        ["maven"] = "Maven",
        ["nuget"] = "NuGet",
        ["gem"] = "RubyGems",
        ["composer"] = "Packagist",
        ["hex"] = "Hex",
        ["pub"] = "Pub",
        ["hackage"] = "Hackage",
        ["cran"] = "CRAN",
        ["swift"] = "SwiftURL",
        ["conan"] = "ConanCenter",
        ["bitnami"] = "Bitnami",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The OSV ecosystem of a purl, or null where the purl type has none we can match. Distribution packages take the
    /// release from the <c>distro</c> qualifier: <c>distro=debian-12</c> is "Debian:12", <c>distro=alpine-3.20.1</c>
    /// is "Alpine:v3.20", <c>distro=ubuntu-22.04</c> is "Ubuntu:22.04"; rpm purls as <see cref="RpmEcosystem"/> says.
    /// </summary>
    public static string? FromPurl(PackageUrl purl) => purl.Type switch
    {
        "deb" => Distribution(purl, purl.Namespace?.ToLowerInvariant() == "ubuntu" ? "Ubuntu" : "Debian"),
        "apk" => purl.Namespace?.ToLowerInvariant() switch
        {
            "wolfi" => "Wolfi",
            "chainguard" => "Chainguard",
            _ => Distribution(purl, "Alpine"),
        },
        "rpm" => RpmEcosystem(purl),
        _ => ByPurlType.GetValueOrDefault(purl.Type),
    };

    private static readonly FrozenDictionary<string, string> PurlTypeByEcosystem =
        ByPurlType.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>
    /// The purl of a package as an OSV ecosystem names it, the inverse of <see cref="FromPurl"/>: "Debian:12" gives
    /// <c>pkg:deb/debian/name@version?distro=debian-12</c>, "Alpine:v3.20" <c>distro=alpine-3.20</c>, Maven's
    /// "group:artifact" and npm's "@scope/name" a namespace and a name. Null where the ecosystem has no purl type we map
    /// (Red Hat, Linux, GIT, …) or the name does not fit its type: a purl given here always maps back to the same
    /// ecosystem and name.
    /// </summary>
    public static PackageUrl? PurlOf(string ecosystem, string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(name);
        var normalized = NormalizeEcosystem(ecosystem.Trim());
        var family = BaseOf(normalized);
        var release = normalized.Length > family.Length ? normalized[(family.Length + 1)..] : null;
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        string type;
        string? purlNamespace;
        var purlName = name.Trim();
        switch (family)
        {
            case "Debian" or "Ubuntu" or "Alpine":
                type = family == "Alpine" ? "apk" : "deb";
                purlNamespace = family.ToLowerInvariant();
                if (release is not null)
                {
                    qualifiers["distro"] = $"{purlNamespace}-{(family == "Alpine" ? release.TrimStart('v') : release)}";
                }

                break;
            case "Wolfi" or "Chainguard" when release is null:
                (type, purlNamespace) = ("apk", family.ToLowerInvariant());
                break;
            default:
                if (release is not null || !PurlTypeByEcosystem.TryGetValue(family, out var mapped))
                {
                    return null;
                }

                type = mapped;
                (purlNamespace, purlName) = SplitName(type, purlName);
                break;
        }

        // Go's standard library ("stdlib") and single-element module paths have no namespace; see PackageUrlTypes.
        var created = PackageUrl.Create(type, purlNamespace, purlName, version, qualifiers, null, strict: type != "golang");
        return created.Success
            && FromPurl(created.Value) == normalized
            && NormalizeName(normalized, PackageNameOf(created.Value)) == NormalizeName(normalized, name)
                ? created.Value
                : null;
    }

    private static (string? Namespace, string Name) SplitName(string type, string name)
    {
        if (PackageUrlTypes.Known.GetValueOrDefault(type)?.Namespace == NamespaceRule.Prohibited)
        {
            return (null, name);
        }

        var cut = type == "maven" ? name.IndexOf(':') : name.LastIndexOf('/');
        return cut > 0 ? (name[..cut], name[(cut + 1)..]) : (null, name);
    }

    /// <summary>
    /// The version advisories are checked against: the source package's where the purl names one
    /// (<see cref="SourceVersionOf"/>), else the purl's; an rpm's with its <c>epoch</c> qualifier in front.
    /// </summary>
    public static string? MatchVersionOf(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        var version = SourceVersionOf(purl) ?? purl.Version;
        return purl.Type == "rpm" ? WithEpoch(purl, version) : version;
    }

    /// <summary>The source package's version from an <c>upstream=name@version</c> qualifier, if it gives one.</summary>
    public static string? SourceVersionOf(PackageUrl purl)
    {
        if (purl.Type is not ("deb" or "rpm" or "apk") || !purl.Qualifiers.TryGetValue("upstream", out var upstream))
        {
            return null;
        }

        var at = upstream.IndexOf('@');
        return at > 0 && at < upstream.Length - 1 ? upstream[(at + 1)..] : null;
    }

    /// <summary>The package name as the ecosystem's OSV records write it.</summary>
    public static string PackageNameOf(PackageUrl purl) => purl.Type switch
    {
        "rpm" when purl.Qualifiers.TryGetValue("upstream", out var sourceRpm) && SourceRpmName(sourceRpm) is { } source => source,
        "deb" or "rpm" or "apk" when purl.Qualifiers.TryGetValue("upstream", out var upstream) && upstream.Length > 0
            => upstream.Split('@')[0],
        "deb" or "rpm" or "apk" => purl.Name,
        "maven" when purl.Namespace is not null => $"{purl.Namespace}:{purl.Name}",
        _ when purl.Namespace is not null => $"{purl.Namespace}/{purl.Name}",
        _ => purl.Name,
    };

    private static string Distribution(PackageUrl purl, string ecosystem)
    {
        if (!purl.Qualifiers.TryGetValue("distro", out var distro))
        {
            return ecosystem;
        }

        // "debian-12" or "debian-bookworm": release numbers, or the codenames SBOM tools also write.
        var dash = distro.LastIndexOf('-');
        var release = dash >= 0 ? distro[(dash + 1)..] : distro;
        release = Codenames.GetValueOrDefault(release.ToLowerInvariant()) ?? release;
        if (release.Length == 0 || !char.IsAsciiDigit(release[0]))
        {
            return ecosystem;
        }

        return ecosystem switch
        {
            "Alpine" => $"Alpine:v{string.Join('.', release.Split('.').Take(2))}",
            "Debian" => $"Debian:{release.Split('.')[0]}",
            _ => $"{ecosystem}:{release}",
        };
    }

    private static readonly FrozenDictionary<string, string> Codenames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["jessie"] = "8", ["stretch"] = "9", ["buster"] = "10", ["bullseye"] = "11", ["bookworm"] = "12", ["trixie"] = "13",
        ["xenial"] = "16.04", ["bionic"] = "18.04", ["focal"] = "20.04", ["jammy"] = "22.04", ["noble"] = "24.04",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The ecosystem as the index keys it: OSV names Ubuntu's LTS releases "Ubuntu:22.04:LTS" while packages only know
    /// their release, so the suffix is dropped (Ubuntu Pro's "Ubuntu:Pro:…" streams stay apart: they need Pro); Red Hat
    /// and SUSE streams are keyed by their release (<see cref="RpmStreamKey"/>).
    /// </summary>
    public static string NormalizeEcosystem(string ecosystem) =>
        ecosystem.StartsWith("Ubuntu:", StringComparison.Ordinal) && ecosystem.EndsWith(":LTS", StringComparison.Ordinal)
            ? ecosystem[..^":LTS".Length]
            : RpmStreamKey(ecosystem) ?? ecosystem;

    /// <summary>"Debian:12" and "Alpine:v3.20" share their base ecosystem's version scheme.</summary>
    public static string BaseOf(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':');
        return colon < 0 ? ecosystem : ecosystem[..colon];
    }

    /// <summary>
    /// The lookup form of a package name: PEP 503 for PyPI, case-insensitive names for NuGet and Packagist,
    /// the name as written everywhere else (npm, Go and crates.io names are case-sensitive).
    /// </summary>
    public static string NormalizeName(string ecosystem, string name) => BaseOf(ecosystem) switch
    {
        "PyPI" => PypiSeparators().Replace(name.Trim(), "-").ToLowerInvariant(),
        "NuGet" or "Packagist" => name.Trim().ToLowerInvariant(),
        _ => name.Trim(),
    };

    [GeneratedRegex("[-_.]+")]
    private static partial Regex PypiSeparators();
}

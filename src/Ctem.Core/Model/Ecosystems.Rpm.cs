using System.Globalization;
using System.Text.RegularExpressions;

namespace Ctem.Core.Model;

/// <summary>
/// RPM distributions: which OSV ecosystem an rpm purl's release belongs to, and the index key its advisories are
/// filed under. Red Hat and SUSE file one release's advisories under several product streams (a repository, a module,
/// a support phase) that nothing on the installed system names, so their keys fold those streams into the release.
/// </summary>
public static partial class Ecosystems
{
    /// <summary>
    /// The ecosystem of an rpm purl, by the release its <c>distro</c> qualifier names (os-release's <c>ID-VERSION_ID</c>,
    /// as Syft and Trivy write it), else by its namespace without a release: <c>rhel-9.4</c> is
    /// "Red Hat:enterprise_linux:9", <c>rocky-8.5</c> "Rocky Linux:8", <c>almalinux-9.3</c> (Trivy: <c>alma-9.3</c>)
    /// "AlmaLinux:9", <c>sles-15.5</c> "SUSE:Linux Enterprise 15 SP5", <c>opensuse-leap-15.5</c> "openSUSE:Leap 15.5",
    /// <c>opensuse-tumbleweed-20240607</c> "openSUSE:Tumbleweed". Null for distributions OSV has no advisories of
    /// (CentOS, Fedora, Amazon Linux, Oracle Linux, …).
    /// </summary>
    private static string? RpmEcosystem(PackageUrl purl)
    {
        var namespaceId = purl.Namespace?.ToLowerInvariant();
        string? id = namespaceId, release = null;
        if (purl.Qualifiers.TryGetValue("distro", out var distro) && DistroQualifier().Match(distro.Trim()) is { Success: true } match)
        {
            // A distro the family table does not know (a derivative) leaves the namespace to decide, without its release.
            var distroId = match.Groups["id"].Value.ToLowerInvariant();
            if (RpmFamily(distroId) is not null || RpmFamily(namespaceId) is null)
            {
                id = distroId;
                release = match.Groups["release"].Success ? match.Groups["release"].Value : null;
            }
        }

        var family = RpmFamily(id);
        if (family is null)
        {
            return null;
        }

        var numbers = ReleaseNumbers().Match(release ?? "");
        var major = numbers.Success ? numbers.Groups["major"].Value : null;
        var minor = numbers.Groups["minor"].Success ? numbers.Groups["minor"].Value : null;
        return family switch
        {
            "Red Hat" when major is null => family,

            // Red Hat files RHEL 7 to 9 per major release, RHEL 10 on per minor release ("enterprise_linux:10.0").
            "Red Hat" => Number(major) <= 9 ? $"Red Hat:enterprise_linux:{major}" : $"Red Hat:enterprise_linux:{major}.{minor ?? "0"}",
            "Rocky Linux" or "AlmaLinux" => major is null ? family : $"{family}:{major}",
            "SUSE" => major is null ? family : $"SUSE:Linux Enterprise {SuseRelease(major, minor)}",
            "SUSE Micro" => major is null ? "SUSE" : $"SUSE:Linux Enterprise Micro {major}.{minor ?? "0"}",
            "openSUSE Tumbleweed" => "openSUSE:Tumbleweed",
            "openSUSE Leap" => major is null ? "openSUSE" : $"openSUSE:Leap {major}.{minor ?? "0"}",
            "openSUSE Leap Micro" => major is null ? "openSUSE" : $"openSUSE:Leap Micro {major}.{minor ?? "0"}",
            _ => family,
        };
    }

    /// <summary>The family of an os-release ID (or a purl namespace), as the mapping above names it; null for none.</summary>
    private static string? RpmFamily(string? id) => id switch
    {
        "rhel" or "redhat" => "Red Hat",
        "rocky" or "rockylinux" => "Rocky Linux",
        "almalinux" or "alma" => "AlmaLinux",
        "sles" or "sled" or "sles_sap" or "sle_hpc" or "suse" => "SUSE",
        "sle-micro" or "sle_micro" => "SUSE Micro",
        "opensuse-tumbleweed" or "opensuse.tumbleweed" => "openSUSE Tumbleweed",
        "opensuse-leap" or "opensuse.leap" => "openSUSE Leap",
        "opensuse-leap-micro" or "opensuse.leap-micro" => "openSUSE Leap Micro",
        "opensuse" => "openSUSE",
        _ => null,
    };

    // SUSE names service packs: VERSION_ID "15.5" is "15 SP5", "15" or "15.0" the GA release; SLE 16 numbers "16.0".
    private static string SuseRelease(string major, string? minor) =>
        Number(major) >= 16 ? $"{major}.{minor ?? "0"}"
        : minor is null || Number(minor) == 0 ? major
        : $"{major} SP{Number(minor)}";

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;

    /// <summary>
    /// The index key of a Red Hat or SUSE stream: "Red Hat:enterprise_linux:9::appstream" (and "::baseos", "::crb")
    /// is "Red Hat:enterprise_linux:9"; "SUSE:Linux Enterprise Module for Basesystem 15 SP5" and "SUSE:Linux Enterprise
    /// Server 15 SP5-LTSS" are "SUSE:Linux Enterprise 15 SP5". Red Hat's extended-support streams (rhel_eus, rhel_aus, …)
    /// stay apart: they need a subscription of their own. Null when <paramref name="ecosystem"/> is neither.
    /// </summary>
    private static string? RpmStreamKey(string ecosystem)
    {
        const string redHat = "Red Hat:enterprise_linux:";
        if (ecosystem.StartsWith(redHat, StringComparison.Ordinal))
        {
            var repository = ecosystem.IndexOf("::", redHat.Length, StringComparison.Ordinal);
            return repository < 0 ? ecosystem : ecosystem[..repository];
        }

        return SuseStream().Match(ecosystem) is { Success: true } suse
            ? $"SUSE:Linux Enterprise {(suse.Groups["micro"].Success ? "Micro " : "")}{suse.Groups["release"].Value}"
            : null;
    }

    /// <summary>
    /// The source package of an rpm purl's <c>upstream</c> qualifier when it is the source RPM's file name, as Syft
    /// writes it: "bind-9.11.36-5.el8_7.2.src.rpm" is "bind" (name-version-release, and neither version nor release has
    /// a hyphen). Null when it is not such a file name.
    /// </summary>
    private static string? SourceRpmName(string upstream)
    {
        var suffix = upstream.EndsWith(".src.rpm", StringComparison.Ordinal) ? ".src.rpm"
            : upstream.EndsWith(".nosrc.rpm", StringComparison.Ordinal) ? ".nosrc.rpm"
            : null;
        if (suffix is null)
        {
            return null;
        }

        var nvr = upstream[..^suffix.Length];
        var release = nvr.LastIndexOf('-');
        var version = release > 0 ? nvr.LastIndexOf('-', release - 1) : -1;
        return version > 0 ? nvr[..version] : null;
    }

    /// <summary>
    /// An rpm purl's version with the <c>epoch</c> qualifier in front ("32:9.11.36-5.el8_7.2"): rpm compares epochs
    /// first, and distribution advisories write them, so a version without its epoch would count as epoch 0.
    /// </summary>
    private static string? WithEpoch(PackageUrl purl, string? version) =>
        version is not null && !version.Contains(':', StringComparison.Ordinal)
            && purl.Qualifiers.TryGetValue("epoch", out var epoch) && epoch.Length > 0 && epoch.All(char.IsAsciiDigit)
            ? $"{epoch}:{version}"
            : version;

    [GeneratedRegex(@"^(?<id>.+?)(?:-(?<release>\d.*))?$")]
    private static partial Regex DistroQualifier();

    [GeneratedRegex(@"^(?<major>\d+)(?:\.(?<minor>\d+))?")]
    private static partial Regex ReleaseNumbers();

    [GeneratedRegex(@"^SUSE:Linux Enterprise (?<micro>Micro )?(?:.+ )?(?<release>\d+(?: SP\d+|\.\d+)?)(?:-[A-Za-z][A-Za-z-]*)?$")]
    private static partial Regex SuseStream();
}

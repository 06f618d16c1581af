using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Dpkg;

/// <summary>
/// Reads dpkg's database of installed packages (<c>var/lib/dpkg/status</c>, or the per-package files of
/// <c>var/lib/dpkg/status.d/</c> that distroless images carry). The release comes from the same root filesystem's
/// os-release, else its <c>etc/debian_version</c>, and each purl names the source package, since Debian and Ubuntu
/// advisories list source packages.
/// </summary>
public sealed partial class DpkgStatusParser : IInventoryParser
{
    private const string DatabaseDirectory = "var/lib/dpkg/";
    private const string StatusFile = "var/lib/dpkg/status";
    private const string StatusDirectory = "var/lib/dpkg/status.d/";

    public string Name => "dpkg/status";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized == StatusFile || normalized.EndsWith("/" + StatusFile, StringComparison.Ordinal))
        {
            return true;
        }

        // status.d also holds "<package>.md5sums" lists of file digests, which are not control stanzas.
        var directory = normalized.LastIndexOf(StatusDirectory, StringComparison.Ordinal);
        if (directory < 0 || (directory > 0 && normalized[directory - 1] != '/'))
        {
            return false;
        }

        var file = normalized[(directory + StatusDirectory.Length)..];
        return file.Length > 0 && !file.Contains('/', StringComparison.Ordinal) && !file.EndsWith(".md5sums", StringComparison.Ordinal);
    }

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var (stanzas, badLines) = DpkgStanzaReader.Read(text);
        var diagnostics = badLines
            .Select(line => Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, "not a 'Field: value' line nor a continuation of one; ignored", LineOf(line)))
            .ToList();

        var packages = stanzas.Where(s => s["Package"] is not null).ToList();
        if (packages.Count == 0)
        {
            diagnostics.Insert(0, Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "not a dpkg status database: no stanza has a 'Package' field"));
            return new InventoryResult(null, diagnostics);
        }

        var installed = packages.Where(IsInstalled).ToList();
        if (installed.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, source.Path, $"the dpkg database lists {packages.Count} package(s) but none is installed"));
            return new InventoryResult(null, diagnostics);
        }

        var root = OsRelease.RootOf(source.Path, DatabaseDirectory);
        var os = OsRelease.Find(root, source.Related) ?? DebianVersion.Find(root, source.Related, source.Path, diagnostics);
        var (purlNamespace, distro) = Distribution(source.Path, os, diagnostics);
        var entries = installed.Select(s => Read(source.Path, s, purlNamespace, distro, diagnostics)).ToList();
        var resolver = new DpkgDependencyResolver(entries.Select(e => (e.Stanza, e.Component.BomRef!)));
        var components = entries
            .Select(e => e.Component with { DependsOn = resolver.Resolve(e.Stanza) })
            .ToList();
        return new InventoryResult(new Inventory(null, components), diagnostics);
    }

    // The status is "want flag status": only the last word says the files are on disk. "hold ok installed" and
    // "deinstall ok installed" (removal requested, not done) are installed; "deinstall ok config-files" is not.
    private static bool IsInstalled(DpkgStanza stanza)
    {
        if (stanza["Status"] is not { } status)
        {
            // Some image builders write status.d stanzas without a Status: listed there means installed.
            return true;
        }

        var words = status.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 3 && words[2] == "installed";
    }

    private static (string Namespace, string? Distro) Distribution(string path, OsRelease? os, List<Diagnostic> diagnostics)
    {
        if (os?.Id is not { } id)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableFile, path, "no os-release with an ID nor etc/debian_version beside the database (in the same root); the packages carry no distro qualifier, so no release-specific advisory can be matched to them"));
            return ("debian", null);
        }

        if (id is not ("debian" or "ubuntu"))
        {
            // A derivative (Raspbian, Mint, …) numbers its releases its own way: its version would name a wrong Debian release.
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the distribution '{id}' is neither Debian nor Ubuntu; the packages carry no distro qualifier"));
            return (os.IdLike.Contains("ubuntu") ? "ubuntu" : "debian", null);
        }

        var release = os.VersionId ?? os.VersionCodename;
        return (id, release is null ? null : $"{id}-{release}");
    }

    private static (DpkgStanza Stanza, Component Component) Read(string path, DpkgStanza stanza, string purlNamespace, string? distro, List<Diagnostic> diagnostics)
    {
        var name = stanza["Package"]!;
        var version = NullIfEmpty(stanza["Version"]);
        var architecture = NullIfEmpty(stanza["Architecture"]);
        var location = LineOf(stanza.LineOf("Package"));
        if (version is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"the installed package '{name}' has no Version; it is kept unpinned and cannot be matched by version", location));
        }

        var (sourceName, sourceVersion) = ParseSource(stanza["Source"], name);
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["upstream"] = sourceVersion is not null && sourceVersion != version ? $"{sourceName}@{sourceVersion}" : sourceName,
        };
        if (architecture is not null)
        {
            qualifiers["arch"] = architecture;
        }

        if (distro is not null)
        {
            qualifiers["distro"] = distro;
        }

        PackageUrl? purl = null;
        var created = PackageUrl.Create("deb", purlNamespace, name, version, qualifiers, null);
        if (created.Success)
        {
            purl = created.Value;
        }
        else
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"no purl for '{name}': {created.Error}; the package is kept but cannot be matched", location));
        }

        // dpkg itself keys packages by "name:arch" (multiarch installs the same name for several architectures).
        var bomRef = purl?.ToString() ?? (architecture is null ? name : $"{name}:{architecture}");
        return (stanza, new Component(name, version, purl, bomRef, new SourceLocation(path, location)) { Type = "library" });
    }

    /// <summary>"openssl (3.0.11-1~deb12u2)" or "openssl": the source package, and its version when it differs from the binary's.</summary>
    private static (string Name, string? Version) ParseSource(string? field, string packageName)
    {
        if (field is null || SourceField().Match(field) is not { Success: true } match)
        {
            return (packageName, null);
        }

        return (match.Groups["name"].Value, match.Groups["version"].Success ? match.Groups["version"].Value.Trim() : null);
    }

    private static string LineOf(int line) => FormattableString.Invariant($"line {line}");

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^\s*(?<name>[^\s(]+)\s*(?:\((?<version>[^)]+)\))?\s*$")]
    private static partial Regex SourceField();
}

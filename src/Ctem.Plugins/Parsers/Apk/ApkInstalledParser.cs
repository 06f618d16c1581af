using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Dpkg;

namespace Ctem.Plugins.Parsers.Apk;

/// <summary>
/// Reads apk's database of installed packages (<c>lib/apk/db/installed</c>, Alpine and its relatives). The release
/// comes from the same root filesystem's os-release, and each purl names the origin (source) package, since Alpine's
/// advisories (secdb) list origins.
/// </summary>
public sealed class ApkInstalledParser : IInventoryParser
{
    private const string DatabaseFile = "lib/apk/db/installed";

    public string Name => "apk/installed";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var normalized = path.Replace('\\', '/');
        return normalized == DatabaseFile || normalized.EndsWith("/" + DatabaseFile, StringComparison.Ordinal);
    }

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var (blocks, badLines) = ApkDatabaseReader.Read(text);
        var diagnostics = badLines
            .Select(line => Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, "not an 'X:value' line; ignored", LineOf(line)))
            .ToList();

        var packages = new List<ApkPackage>();
        foreach (var block in blocks)
        {
            if (block['P'] is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, "a package block has no 'P:' (name); skipped", LineOf(block.Line)));
            }
            else
            {
                packages.Add(block);
            }
        }

        if (packages.Count == 0)
        {
            var (code, message) = blocks.Count == 0 && badLines.Count > 0
                ? (DiagnosticCodes.UnsupportedFormat, "not an apk installed database: no 'X:value' lines")
                : (DiagnosticCodes.NoComponents, "the apk database lists no installed packages");
            diagnostics.Insert(0, Diagnostic.Error(code, source.Path, message));
            return new InventoryResult(null, diagnostics);
        }

        var os = OsRelease.Find(OsRelease.RootOf(source.Path, DatabaseFile), source.Related);
        var (purlNamespace, distro) = Distribution(source.Path, os, diagnostics);
        var entries = packages.Select(p => (Package: p, Component: Read(source.Path, p, purlNamespace, distro, diagnostics))).ToList();
        var resolver = new ApkDependencyResolver(entries.Select(e => (e.Package, e.Component.BomRef!)));
        var components = entries
            .Select(e => e.Component with { DependsOn = resolver.Resolve(e.Package, e.Component.BomRef!) })
            .ToList();
        return new InventoryResult(new Inventory(null, components), diagnostics);
    }

    private static (string Namespace, string? Distro) Distribution(string path, OsRelease? os, List<Diagnostic> diagnostics)
    {
        if (os?.Id is not { } id)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableFile, path, "no os-release with an ID beside the database (etc/os-release of the same root); the packages carry no distro qualifier, so advisories of every Alpine release apply"));
            return ("alpine", null);
        }

        if (id != "alpine")
        {
            // Wolfi, postmarketOS and others use apk with their own releases: an Alpine release would be wrong.
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the distribution '{id}' is not Alpine; the packages carry no distro qualifier"));
            return (id, null);
        }

        return ("alpine", os.VersionId is { } version ? $"alpine-{version}" : null);
    }

    private static Component Read(string path, ApkPackage package, string purlNamespace, string? distro, List<Diagnostic> diagnostics)
    {
        var name = package['P']!;
        var version = package['V'];
        var architecture = package['A'];
        var location = LineOf(package.Line);
        if (version is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"the installed package '{name}' has no 'V:' (version); it is kept unpinned and cannot be matched by version", location));
        }

        // An origin's version is always its subpackages' (one APKBUILD builds them all), so upstream names no version.
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal) { ["upstream"] = package['o'] ?? name };
        if (architecture is not null)
        {
            qualifiers["arch"] = architecture;
        }

        if (distro is not null)
        {
            qualifiers["distro"] = distro;
        }

        PackageUrl? purl = null;
        var created = PackageUrl.Create("apk", purlNamespace, name, version, qualifiers, null);
        if (created.Success)
        {
            purl = created.Value;
        }
        else
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"no purl for '{name}': {created.Error}; the package is kept but cannot be matched", location));
        }

        return new Component(name, version, purl, purl?.ToString() ?? name, new SourceLocation(path, location))
        {
            Type = "library",
            Licenses = package['L'] is { } license ? [license] : [],
            Hashes = Checksum(package['C']) is { } hash ? [hash] : [],
        };
    }

    /// <summary>
    /// <c>C:Q1&lt;base64&gt;</c> is the SHA-1 of the package's control segment (apk's identity for a build; "Q2" a
    /// SHA-256), given here in hex as other tools write digests.
    /// </summary>
    private static ComponentHash? Checksum(string? field)
    {
        if (field is null || field.Length < 3 || field[0] != 'Q')
        {
            return null;
        }

        var algorithm = field[1] switch
        {
            '1' => "SHA-1",
            '2' => "SHA-256",
            _ => null,
        };
        var bytes = new byte[field.Length];
        return algorithm is not null && Convert.TryFromBase64String(field[2..], bytes, out var written)
            ? new ComponentHash(algorithm, Convert.ToHexStringLower(bytes.AsSpan(0, written)))
            : null;
    }

    private static string LineOf(int line) => FormattableString.Invariant($"line {line}");
}

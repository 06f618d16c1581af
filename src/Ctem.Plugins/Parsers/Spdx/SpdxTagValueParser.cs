using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>
/// Reads an SPDX 2.x tag-value document: each <c>PackageName:</c> starts a package, which keeps the line it was found on;
/// the one package the document DESCRIBES is the product.
/// </summary>
public sealed class SpdxTagValueParser : IInventoryParser
{
    private const string DocumentId = "SPDXRef-DOCUMENT";

    public string Name => "spdx/tag-value";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".spdx", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".spdx.tv", StringComparison.OrdinalIgnoreCase)
        || head.IndexOf("SPDXVersion:"u8) >= 0;

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        var (tags, unclosedTextLine) = await SpdxTagValueReader.ReadAsync(source.Content, cancellationToken);
        var versionIndex = tags.FindIndex(t => t.Name == "SPDXVersion");
        if (versionIndex < 0)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "not an SPDX tag-value document: it has no 'SPDXVersion' tag"));
        }

        var version = tags[versionIndex];
        if (!version.Value.StartsWith("SPDX-2.", StringComparison.Ordinal))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, $"not an SPDX 2.x tag-value document: SPDXVersion is '{version.Value}'", LineOf(version.Line)));
        }

        var diagnostics = new List<Diagnostic>();
        if (unclosedTextLine is { } line)
        {
            // Typically a truncated file (bom-shelter's istio-source.spdx ends inside a licence text): the packages
            // before the block are sound, so they are kept and the error marks the inventory as incomplete.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "malformed SPDX tag-value: this <text> block is never closed with </text>; the rest of the file is lost (truncated?)", LineOf(line)));
        }

        if (source.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, "the file is named .json but holds SPDX tag-value; read as tag-value", LineOf(version.Line)));
        }

        return Read(source.Path, tags, diagnostics);
    }

    private static InventoryResult Read(string path, List<SpdxTag> tags, List<Diagnostic> diagnostics)
    {
        var packages = new List<SpdxPackage>();
        var relationships = new List<SpdxTag>();
        string? documentId = null;
        var inPackage = false;
        var sectionSeen = false;
        foreach (var tag in tags)
        {
            switch (tag.Name)
            {
                case "PackageName":
                    packages.Add(new SpdxPackage(null, tag.Value, null, null, LineOf(tag.Line)));
                    inPackage = sectionSeen = true;
                    break;
                case "FileName" or "SnippetSPDXID" or "LicenseID":
                    // These open a file, snippet or licence section: the package's own tags are over.
                    inPackage = false;
                    sectionSeen = true;
                    break;
                case "SPDXID" when inPackage && packages[^1].Id is null:
                    packages[^1] = packages[^1] with { Id = tag.Value };
                    break;
                case "SPDXID" when !sectionSeen:
                    documentId ??= tag.Value;
                    break;
                case "PackageVersion" when inPackage:
                    packages[^1] = packages[^1] with { Version = tag.Value };
                    break;
                case "ExternalRef" when inPackage && packages[^1].Purl is null:
                    packages[^1] = packages[^1] with { Purl = ReadPurl(path, tag, diagnostics) };
                    break;
                case "Relationship":
                    relationships.Add(tag);
                    break;
                default:
                    break;
            }
        }

        var named = new List<SpdxPackage>(packages.Count);
        foreach (var package in packages)
        {
            if (package.Name.Length == 0)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a package has an empty PackageName; skipped", package.Location));
            }
            else
            {
                named.Add(package);
            }
        }

        return SpdxInventory.Build(path, named, Described(relationships, documentId ?? DocumentId), null, diagnostics);
    }

    private static PackageUrl? ReadPurl(string path, SpdxTag tag, List<Diagnostic> diagnostics)
    {
        var parts = tag.Value.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && SpdxPurl.IsPurlReference(parts[0], parts[1])
            ? SpdxPurl.Parse(path, parts[2], LineOf(tag.Line), diagnostics)
            : null;
    }

    private static HashSet<string> Described(List<SpdxTag> relationships, string documentId)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relationship in relationships)
        {
            var parts = relationship.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                continue;
            }

            if (parts[0] == documentId && parts[1].Equals("DESCRIBES", StringComparison.OrdinalIgnoreCase))
            {
                described.Add(parts[2]);
            }
            else if (parts[2] == documentId && parts[1].Equals("DESCRIBED_BY", StringComparison.OrdinalIgnoreCase))
            {
                described.Add(parts[0]);
            }
        }

        return described;
    }

    private static string LineOf(int line) => line.ToString(CultureInfo.InvariantCulture);
}

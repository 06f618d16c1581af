using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>
/// Reads an SPDX 2.x JSON document: <c>packages</c> are the inventory, each keeping its JSON pointer; the one package
/// the document DESCRIBES (by <c>documentDescribes</c> or a relationship) is the product.
/// </summary>
public sealed class SpdxJsonParser : IInventoryParser
{
    private const string DocumentId = "SPDXRef-DOCUMENT";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    public string Name => "spdx/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        // A .spdx.json name does not make tag-value content JSON (bom-shelter has such a file): leave it to the tag-value parser.
        if (SpdxJsonHead.StartsWithNonJson(head))
        {
            return false;
        }

        return path.EndsWith(".spdx.json", StringComparison.OrdinalIgnoreCase) || SpdxJsonHead.LooksLikeSpdx2(head);
    }

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        JsonInventory.ReadCheckedUtf8Async(source, DocumentOptions, root => Read(source.Path, root), cancellationToken);

    private static InventoryResult Read(string path, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && JsonLdKey(root) is { } key)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "an SPDX 3 JSON-LD document; this parser reads SPDX 2.x JSON only", $"/{key}"));
        }

        var version = root.ValueKind == JsonValueKind.Object ? String(root, "spdxVersion") : null;
        if (version is null || !version.StartsWith("SPDX-2.", StringComparison.Ordinal))
        {
            var found = version is null ? "is missing" : $"is '{version}'";
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, $"not an SPDX 2.x JSON document: 'spdxVersion' {found}", "/spdxVersion"));
        }

        var diagnostics = new List<Diagnostic>();
        var packages = new List<SpdxPackage>();
        if (root.TryGetProperty("packages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ReadPackage(path, item, $"/packages/{index++}", diagnostics) is { } package)
                {
                    packages.Add(package);
                }
            }
        }

        return SpdxInventory.Build(path, packages, Described(root), "/packages", diagnostics);
    }

    private static SpdxPackage? ReadPackage(string path, JsonElement item, string pointer, List<Diagnostic> diagnostics)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a package is not a JSON object; skipped", pointer));
            return null;
        }

        if (String(item, "name") is not { Length: > 0 } name)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a package has no name; skipped", pointer));
            return null;
        }

        return new SpdxPackage(String(item, "SPDXID"), name, String(item, "versionInfo"), ReadPurl(path, item, pointer, diagnostics), pointer);
    }

    private static PackageUrl? ReadPurl(string path, JsonElement package, string pointer, List<Diagnostic> diagnostics)
    {
        if (!package.TryGetProperty("externalRefs", out var references) || references.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var reference in references.EnumerateArray())
        {
            var here = $"{pointer}/externalRefs/{index++}";
            if (reference.ValueKind == JsonValueKind.Object
                && SpdxPurl.IsPurlReference(String(reference, "referenceCategory"), String(reference, "referenceType"))
                && String(reference, "referenceLocator") is { Length: > 0 } locator
                && SpdxPurl.Parse(path, locator, $"{here}/referenceLocator", diagnostics) is { } purl)
            {
                return purl;
            }
        }

        return null;
    }

    private static HashSet<string> Described(JsonElement root)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("documentDescribes", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            foreach (var id in ids.EnumerateArray())
            {
                if (id.ValueKind == JsonValueKind.String && id.GetString() is { } value)
                {
                    described.Add(value);
                }
            }
        }

        if (!root.TryGetProperty("relationships", out var relationships) || relationships.ValueKind != JsonValueKind.Array)
        {
            return described;
        }

        var documentId = String(root, "SPDXID") ?? DocumentId;
        foreach (var relationship in relationships.EnumerateArray())
        {
            if (relationship.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = String(relationship, "relationshipType");
            var element = String(relationship, "spdxElementId");
            var related = String(relationship, "relatedSpdxElement");
            if (element == documentId && related is not null && string.Equals(type, "DESCRIBES", StringComparison.OrdinalIgnoreCase))
            {
                described.Add(related);
            }
            else if (related == documentId && element is not null && string.Equals(type, "DESCRIBED_BY", StringComparison.OrdinalIgnoreCase))
            {
                described.Add(element);
            }
        }

        return described;
    }

    private static string? JsonLdKey(JsonElement root) =>
        root.TryGetProperty("@context", out _) ? "@context" : root.TryGetProperty("@graph", out _) ? "@graph" : null;

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

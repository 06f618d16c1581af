using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Spdx;

namespace Ctem.Plugins.Parsers.Spdx3;

/// <summary>
/// Reads an SPDX 3.0 JSON-LD document: the package elements of <c>@graph</c> are the inventory, each keeping its JSON
/// pointer; the one package the document (or its SBOM) has as root element or <c>describes</c> is the product;
/// <c>dependsOn</c> and <c>contains</c> relationships between packages are the graph.
/// </summary>
public sealed class Spdx3JsonLdParser : IInventoryParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    // Packages of the AI and Dataset profiles are software packages too (the classes derive from software_Package).
    private static readonly Dictionary<string, string?> PackageTypes = new(StringComparer.Ordinal)
    {
        ["software_Package"] = null,
        ["ai_AIPackage"] = "machine-learning-model",
        ["dataset_DatasetPackage"] = "data",
    };

    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal) { "SpdxDocument", "software_Sbom", "Bom", "Bundle" };

    private static readonly HashSet<string> RelationshipTypes = new(StringComparer.Ordinal) { "Relationship", "LifecycleScopedRelationship" };

    public string Name => "spdx3/json-ld";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        if (SpdxJsonHead.StartsWithNonJson(head))
        {
            return false;
        }

        return path.EndsWith(".spdx3.json", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".spdx.jsonld", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".spdx3.jsonld", StringComparison.OrdinalIgnoreCase)
            || (head.IndexOf("\"@context\""u8) >= 0 && head.IndexOf("spdx.org/rdf/3."u8) >= 0);
    }

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        JsonInventory.ReadCheckedUtf8Async(source, DocumentOptions, root => Read(source.Path, root), cancellationToken);

    private static InventoryResult Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("@context", out var context) || !IsSpdx3Context(context))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an SPDX 3 JSON-LD document: '@context' does not name https://spdx.org/rdf/3.x/spdx-context.jsonld", "/@context"));
        }

        if (!root.TryGetProperty("@graph", out var graph) || graph.ValueKind != JsonValueKind.Array)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an SPDX 3 JSON-LD document: '@graph' is missing or not an array", "/@graph"));
        }

        var diagnostics = new List<Diagnostic>();
        var packages = new List<Spdx3Package>();
        var relationships = new List<Spdx3Relationship>();
        var documentRoots = new List<string>();
        var collectionRoots = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var licenseExpressions = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in graph.EnumerateArray())
        {
            var pointer = $"/@graph/{index++}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "an element of '@graph' is not a JSON object; skipped", pointer));
                continue;
            }

            var type = String(element, "type") ?? String(element, "@type");
            var id = String(element, "spdxId") ?? String(element, "@id");
            if (type is null)
            {
                continue;
            }

            if (PackageTypes.TryGetValue(type, out var componentType))
            {
                if (ReadPackage(path, element, id, componentType, pointer, diagnostics) is { } package)
                {
                    packages.Add(package);
                }
            }
            else if (RelationshipTypes.Contains(type) && String(element, "from") is { } from && String(element, "relationshipType") is { } relationshipType)
            {
                relationships.Add(new Spdx3Relationship(from, relationshipType, Strings(element, "to"), String(element, "scope")));
            }
            else if (Collections.Contains(type))
            {
                if (id is not null)
                {
                    collectionRoots[id] = Strings(element, "rootElement");
                }

                if (type == "SpdxDocument")
                {
                    documentRoots.AddRange(Strings(element, "rootElement"));
                }
            }
            else if (type == "simplelicensing_LicenseExpression" && id is not null && String(element, "simplelicensing_licenseExpression") is { } expression)
            {
                licenseExpressions[id] = expression;
            }
        }

        if (packages.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the SPDX 3 document has no package elements", "/@graph"));
            return new InventoryResult(null, diagnostics);
        }

        return Build(path, packages, relationships, Described(documentRoots, collectionRoots, relationships), licenseExpressions, diagnostics);
    }

    private static InventoryResult Build(
        string path,
        List<Spdx3Package> packages,
        List<Spdx3Relationship> relationships,
        HashSet<string> described,
        Dictionary<string, string> licenseExpressions,
        List<Diagnostic> diagnostics)
    {
        var ids = packages.Where(p => p.Id is not null).Select(p => p.Id!).ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var scopes = new Dictionary<string, List<DependencyScope>>(StringComparer.Ordinal);
        var licenses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var relationship in relationships)
        {
            if (relationship.Type is "dependsOn" or "contains" && ids.Contains(relationship.From))
            {
                foreach (var to in relationship.To.Where(ids.Contains))
                {
                    AddOnce(edges, relationship.From, to);
                    if (ScopeOf(relationship.Scope) is var scope and not DependencyScope.Unspecified)
                    {
                        AddOnce(scopes, to, scope);
                    }
                }
            }
            else if (relationship.Type == "hasDeclaredLicense" && ids.Contains(relationship.From))
            {
                foreach (var to in relationship.To)
                {
                    if (licenseExpressions.TryGetValue(to, out var expression))
                    {
                        AddOnce(licenses, relationship.From, expression);
                    }
                }
            }
        }

        var product = ProductOf(packages, described);
        var direct = product?.Id is { } productId && edges.TryGetValue(productId, out var productEdges)
            ? productEdges.ToHashSet(StringComparer.Ordinal)
            : null;
        var components = packages
            .Where(p => !ReferenceEquals(p, product))
            .Select(p => new Component(p.Name, p.Version, p.Purl, p.Id, new SourceLocation(path, p.Pointer))
            {
                Cpe = p.Cpe,
                Hashes = p.Hashes,
                Type = p.Type,
                DependsOn = p.Id is not null && edges.TryGetValue(p.Id, out var dependsOn) ? dependsOn : [],
                Licenses = p.Id is not null && licenses.TryGetValue(p.Id, out var declared) ? declared : [],
                Scope = p.Id is not null && scopes.TryGetValue(p.Id, out var found) ? Strongest(found) : DependencyScope.Unspecified,
                Relation = direct is null || p.Id is null
                    ? DependencyRelation.Unspecified
                    : direct.Contains(p.Id) ? DependencyRelation.Direct : DependencyRelation.Transitive,
            })
            .ToList();
        if (product is not null && components.Count == 0)
        {
            // The document was read and names its product; it just has nothing to match, which is not a parse failure.
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, $"the SPDX 3 document describes '{product.Name}' but has no other packages", product.Pointer));
        }

        return new InventoryResult(new Inventory(product is null ? null : new ProductRef(product.Name, product.Version), components), diagnostics);
    }

    /// <summary>
    /// What the document is about: its root elements, through any SBOM or bundle among them to that one's roots,
    /// and what a document, SBOM or bundle <c>describes</c>.
    /// </summary>
    private static HashSet<string> Described(List<string> documentRoots, Dictionary<string, List<string>> collectionRoots, List<Spdx3Relationship> relationships)
    {
        var pending = new Queue<string>(documentRoots.Count > 0 ? documentRoots : collectionRoots.Values.SelectMany(r => r));
        foreach (var relationship in relationships.Where(r => r.Type == "describes" && collectionRoots.ContainsKey(r.From)))
        {
            foreach (var to in relationship.To)
            {
                pending.Enqueue(to);
            }
        }

        var described = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var id))
        {
            if (described.Add(id) && collectionRoots.TryGetValue(id, out var roots))
            {
                foreach (var nested in roots)
                {
                    pending.Enqueue(nested);
                }
            }
        }

        return described;
    }

    // Several described packages (the images of a release, a list of modules) name no single product: all are components.
    private static Spdx3Package? ProductOf(List<Spdx3Package> packages, HashSet<string> described)
    {
        var candidates = packages.Where(p => p.Id is not null && described.Contains(p.Id)).ToList();
        return candidates.Count > 0 && candidates.All(p => p.Id == candidates[0].Id) ? candidates[0] : null;
    }

    private static Spdx3Package? ReadPackage(string path, JsonElement element, string? id, string? componentType, string pointer, List<Diagnostic> diagnostics)
    {
        if (String(element, "name") is not { Length: > 0 } name)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a package has no name; skipped", pointer));
            return null;
        }

        string? purlText = null;
        string? purlPointer = null;
        string? cpe = null;
        if (String(element, "software_packageUrl") is { Length: > 0 } packageUrl)
        {
            (purlText, purlPointer) = (packageUrl, $"{pointer}/software_packageUrl");
        }

        if (element.TryGetProperty("externalIdentifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var identifier in identifiers.EnumerateArray())
            {
                var here = $"{pointer}/externalIdentifier/{index++}";
                if (identifier.ValueKind != JsonValueKind.Object || String(identifier, "identifier") is not { Length: > 0 } value)
                {
                    continue;
                }

                switch (String(identifier, "externalIdentifierType"))
                {
                    case "packageUrl" when purlText is null:
                        (purlText, purlPointer) = (value, $"{here}/identifier");
                        break;
                    case "cpe23" or "cpe22":
                        cpe ??= value;
                        break;
                    default:
                        break;
                }
            }
        }

        return new Spdx3Package(
            id,
            name,
            String(element, "software_packageVersion"),
            purlText is null ? null : ParsePurl(path, purlText, purlPointer!, diagnostics),
            cpe,
            Hashes(element),
            componentType ?? TypeOf(String(element, "software_primaryPurpose")),
            pointer);
    }

    private static PackageUrl? ParsePurl(string path, string text, string pointer, List<Diagnostic> diagnostics)
    {
        var parsed = PackageUrl.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"invalid purl '{text}': {parsed.Error}; the package is kept but cannot be matched", pointer));
        return null;
    }

    // verifiedUsing also holds PackageVerificationCodes, digests over a package's files rather than of the package.
    private static List<ComponentHash> Hashes(JsonElement element)
    {
        var hashes = new List<ComponentHash>();
        if (element.TryGetProperty("verifiedUsing", out var methods) && methods.ValueKind == JsonValueKind.Array)
        {
            foreach (var method in methods.EnumerateArray())
            {
                if (method.ValueKind == JsonValueKind.Object
                    && String(method, "type") == "Hash"
                    && String(method, "algorithm") is { Length: > 0 } algorithm
                    && String(method, "hashValue") is { Length: > 0 } value)
                {
                    hashes.Add(new ComponentHash(algorithm, value));
                }
            }
        }

        return hashes;
    }

    /// <summary>The CycloneDX component type of an SPDX 3 primary purpose, where one corresponds.</summary>
    private static string? TypeOf(string? purpose) => purpose switch
    {
        "application" or "library" or "framework" or "container" or "firmware" or "device" or "file" => purpose,
        "operatingSystem" => "operating-system",
        _ => null,
    };

    private static DependencyScope ScopeOf(string? lifecycle) => lifecycle switch
    {
        "runtime" => DependencyScope.Runtime,
        "development" or "build" => DependencyScope.Development,
        "test" => DependencyScope.Test,
        _ => DependencyScope.Unspecified,
    };

    // A package needed at runtime anywhere is a runtime package, whatever else also uses it for tests or builds.
    private static DependencyScope Strongest(List<DependencyScope> scopes) =>
        scopes.Contains(DependencyScope.Runtime) ? DependencyScope.Runtime
        : scopes.Contains(DependencyScope.Development) ? DependencyScope.Development
        : scopes[0];

    private static bool IsSpdx3Context(JsonElement context) => context.ValueKind switch
    {
        JsonValueKind.String => context.GetString()!.Contains("spdx.org/rdf/3.", StringComparison.Ordinal),
        JsonValueKind.Array => context.EnumerateArray().Any(IsSpdx3Context),
        _ => false,
    };

    private static void AddOnce<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static List<string> Strings(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            _ => [],
        };
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Xml;
using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>
/// Reads a CycloneDX XML SBOM (schema 1.0 to 1.6): <c>metadata/component</c> is the product, <c>components</c>
/// (nested at any depth) are its inventory, <c>dependencies</c> its graph, <c>services</c> the services it provides or
/// calls (<see cref="CycloneDxXmlServices"/>). Each keeps an XPath-like location (<c>/bom/components/component[3]</c>).
/// DTDs are refused and no external entity is ever resolved: they can read local files and expand without bound.
/// </summary>
public sealed class CycloneDxXmlParser : IInventoryParser
{
    private const string NamespacePrefix = "http://cyclonedx.org/schema/bom/";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public string Name => "cyclonedx/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".cdx.xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bom.xml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && head.IndexOf("cyclonedx.org/schema/bom/"u8) >= 0;
    }

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(buffer, ReaderSettings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var content = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var doctype = content.IndexOf("<!DOCTYPE"u8);
            if (doctype >= 0)
            {
                // The reader stops at the DOCTYPE without saying where it is.
                return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "refused: the document has a DOCTYPE (DTD or entity declarations), which an SBOM never needs and which can read local files or expand without bound", PositionOf(content, doctype)));
            }

            var location = ex.LineNumber > 0 ? FormattableString.Invariant($"{ex.LineNumber}:{ex.LinePosition}") : null;
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid XML: {ex.Message}", location));
        }

        return Read(source.Path, document);
    }

    private static InventoryResult Read(string path, XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name.LocalName != "bom" || !root.Name.NamespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            var actual = root is null ? "nothing" : $"<{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'";
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.NotCycloneDx, path, $"not a CycloneDX XML document: the root is {actual}, not <bom> in {NamespacePrefix}1.x", "/" + (root?.Name.LocalName ?? string.Empty)));
        }

        XNamespace ns = root.Name.Namespace;
        var diagnostics = new List<Diagnostic>();
        var found = new List<(Component Component, string? Scope)>();
        foreach (var list in root.Elements(ns + "components"))
        {
            Collect(path, ns, list, "/bom/components", found, diagnostics);
        }

        var graph = CycloneDxXmlGraph.Read(ns, root.Element(ns + "dependencies"));
        var services = CycloneDxXmlServices.Read(path, ns, root, graph);

        // A SaaSBOM may declare only services: those are inventory too, for the exposure graph.
        if (found.Count == 0 && services.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the SBOM lists no components (<components> is missing or empty)", "/bom/components"));
            return new InventoryResult(null, diagnostics);
        }

        var productElement = root.Element(ns + "metadata")?.Element(ns + "component");
        var product = productElement is not null && Text(productElement, ns + "name") is { } productName
            ? new ProductRef(productName, Text(productElement, ns + "version"))
            : null;
        var direct = graph is not null && productElement?.Attribute("bom-ref")?.Value is { } productRef && graph.TryGetValue(productRef, out var edges)
            ? edges.ToHashSet(StringComparer.Ordinal)
            : null;

        var components = found
            .Select(f => f.Component with
            {
                DependsOn = f.Component.BomRef is { } bomRef && graph?.GetValueOrDefault(bomRef) is { } dependsOn ? dependsOn : [],
                Relation = direct is null || f.Component.BomRef is null
                    ? DependencyRelation.Unspecified
                    : direct.Contains(f.Component.BomRef) ? DependencyRelation.Direct : DependencyRelation.Transitive,
            })
            .ToList();
        return new InventoryResult(new Inventory(product, components) { Services = services }, diagnostics);
    }

    private static void Collect(string path, XNamespace ns, XElement list, string location, List<(Component, string?)> found, List<Diagnostic> diagnostics)
    {
        var index = 0;
        foreach (var item in list.Elements(ns + "component"))
        {
            var here = FormattableString.Invariant($"{location}/component[{++index}]");
            if (Text(item, ns + "name") is not { } name)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotCycloneDx, path, "a component has no name; skipped", here));
            }
            else
            {
                var scope = Text(item, ns + "scope");
                found.Add((new Component(name, Text(item, ns + "version"), ReadPurl(path, item, ns, here, diagnostics), Attribute(item, "bom-ref"), new SourceLocation(path, here) { Line = LineOf(item) })
                {
                    Scope = ScopeOf(scope),
                    Type = Attribute(item, "type"),
                    Cpe = Text(item, ns + "cpe"),
                    Hashes = Hashes(item, ns),
                    Licenses = Licenses(item, ns),
                }, scope));
            }

            foreach (var nested in item.Elements(ns + "components"))
            {
                Collect(path, ns, nested, $"{here}/components", found, diagnostics);
            }
        }
    }

    // "excluded" components are not part of the runtime (build tools, test fixtures): they are kept, as what
    // the build used, but as development scope, the way a lockfile's dev dependencies are.
    private static DependencyScope ScopeOf(string? scope) => scope switch
    {
        "required" => DependencyScope.Runtime,
        "optional" => DependencyScope.Optional,
        "excluded" => DependencyScope.Development,
        _ => DependencyScope.Unspecified,
    };

    private static int? LineOf(XElement element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private static PackageUrl? ReadPurl(string path, XElement component, XNamespace ns, string location, List<Diagnostic> diagnostics)
    {
        if (Text(component, ns + "purl") is not { } text)
        {
            return null;
        }

        var parsed = PackageUrl.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"invalid purl '{text}': {parsed.Error}; the component is kept but cannot be matched", $"{location}/purl"));
        return null;
    }

    private static List<ComponentHash> Hashes(XElement component, XNamespace ns) =>
        [
            .. component.Elements(ns + "hashes").Elements(ns + "hash")
                .Where(h => Attribute(h, "alg") is not null && h.Value.Trim().Length > 0)
                .Select(h => new ComponentHash(Attribute(h, "alg")!, h.Value.Trim())),
        ];

    // <licenses> holds <license> choices (an SPDX <id>, or a free-text <name> that is no SPDX identifier) or one <expression>.
    private static List<string> Licenses(XElement component, XNamespace ns)
    {
        var licenses = component.Element(ns + "licenses");
        if (licenses is null)
        {
            return [];
        }

        return
        [
            .. licenses.Elements(ns + "license").Select(l => Text(l, ns + "id")).OfType<string>(),
            .. licenses.Elements(ns + "expression").Select(e => e.Value.Trim()).Where(e => e.Length > 0),
        ];
    }

    /// <summary>One-based "line:column" of a byte offset (column in bytes).</summary>
    private static string PositionOf(ReadOnlySpan<byte> content, int offset)
    {
        var before = content[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - before.LastIndexOf((byte)'\n');
        return FormattableString.Invariant($"{line}:{column}");
    }

    private static string? Text(XElement element, XName child) =>
        element.Element(child)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}

using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>
/// Reads a CycloneDX JSON SBOM: <c>metadata.component</c> is the product, <c>components</c> (nested at any depth)
/// are its inventory, and <c>services</c> the services it provides or calls. Each keeps the JSON pointer where it was found.
/// </summary>
public sealed class CycloneDxJsonParser : IInventoryParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    public string Name => "cyclonedx/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".cdx.json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bom.json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return head.IndexOf("\"bomFormat\""u8) >= 0 && head.IndexOf("CycloneDX"u8) >= 0;
    }

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        JsonInventory.ReadAsync(source, DocumentOptions, root => Read(source.Path, root), cancellationToken);

    private static InventoryResult Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("bomFormat", out var format)
            || format.ValueKind != JsonValueKind.String
            || format.GetString() != "CycloneDX")
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.NotCycloneDx, path, "not a CycloneDX JSON document: 'bomFormat' is not \"CycloneDX\"", "/bomFormat"));
        }

        var diagnostics = new List<Diagnostic>();
        var components = new List<Component>();
        if (root.TryGetProperty("components", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            Collect(path, list, "/components", components, diagnostics);
        }

        var graph = CycloneDxGraph.Read(root);
        var services = CycloneDxServices.Read(path, root, graph);

        // A SaaSBOM may declare only services: those are inventory too, for the exposure graph.
        if (components.Count == 0 && services.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the SBOM lists no components ('components' is missing or empty)", "/components"));
            return new InventoryResult(null, diagnostics);
        }

        return new InventoryResult(new Inventory(ReadProduct(root), graph.Apply(components)) { Services = services }, diagnostics);
    }

    private static ProductRef? ReadProduct(JsonElement root) =>
        root.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("component", out var component)
        && component.ValueKind == JsonValueKind.Object
        && String(component, "name") is { Length: > 0 } name
            ? new ProductRef(name, String(component, "version"))
            : null;

    private static void Collect(string path, JsonElement array, string pointer, List<Component> components, List<Diagnostic> diagnostics)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var here = $"{pointer}/{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotCycloneDx, path, "a component is not a JSON object; skipped", here));
                continue;
            }

            var name = String(item, "name");
            if (string.IsNullOrEmpty(name))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotCycloneDx, path, "a component has no name; skipped", here));
            }
            else
            {
                components.Add(new Component(name, String(item, "version"), ReadPurl(path, item, here, diagnostics), String(item, "bom-ref"), new SourceLocation(path, here))
                {
                    Scope = ScopeOf(String(item, "scope")),
                    Licenses = CycloneDxFields.Licenses(item),
                    Hashes = CycloneDxFields.Hashes(item),
                    Cpe = String(item, "cpe"),
                    Type = String(item, "type"),
                });
            }

            if (item.TryGetProperty("components", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                Collect(path, nested, $"{here}/components", components, diagnostics);
            }
        }
    }

    // "excluded" components are not part of what runs (build and test tooling): development scope in Ctem's terms.
    private static DependencyScope ScopeOf(string? scope) => scope switch
    {
        "required" => DependencyScope.Runtime,
        "optional" => DependencyScope.Optional,
        "excluded" => DependencyScope.Development,
        _ => DependencyScope.Unspecified,
    };

    private static PackageUrl? ReadPurl(string path, JsonElement component, string pointer, List<Diagnostic> diagnostics)
    {
        if (String(component, "purl") is not { Length: > 0 } text)
        {
            return null;
        }

        var parsed = PackageUrl.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"invalid purl '{text}': {parsed.Error}; the component is kept but cannot be matched", $"{pointer}/purl"));
        return null;
    }

    internal static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

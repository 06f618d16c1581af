using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Writers.CycloneDx;

/// <summary>Writes the inventory as a CycloneDX 1.6 JSON BOM: the product, its components and the dependency graph.</summary>
public sealed class CycloneDxJsonWriter : ISbomWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "cyclonedx/json-writer";

    public int Version => 1;

    public string Format => "cyclonedx-json";

    public void Write(Inventory inventory, SbomMetadata metadata, Stream output)
    {
        var model = SbomModel.From(inventory);
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("bomFormat", "CycloneDX");
        writer.WriteString("specVersion", "1.6");
        writer.WriteString("serialNumber", $"urn:uuid:{model.Serial}");
        writer.WriteNumber("version", 1);
        writer.WriteStartObject("metadata");
        writer.WriteString("timestamp", metadata.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartObject("tools");
        writer.WriteStartArray("components");
        writer.WriteStartObject();
        writer.WriteString("type", "application");
        writer.WriteString("name", metadata.ToolName);
        writer.WriteString("version", metadata.ToolVersion);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("component");
        writer.WriteString("type", "application");
        writer.WriteString("bom-ref", SbomModel.ProductRef);
        writer.WriteString("name", model.Product.Name);
        if (model.Product.Version is { } productVersion)
        {
            writer.WriteString("version", productVersion);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("components");
        foreach (var component in model.Components)
        {
            WriteComponent(writer, component);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("dependencies");
        WriteDependency(writer, SbomModel.ProductRef, model.Direct);
        foreach (var component in model.Components)
        {
            WriteDependency(writer, component.Ref, component.DependsOn);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter writer, SbomComponent entry)
    {
        var component = entry.Component;
        writer.WriteStartObject();
        writer.WriteString("type", CycloneDxTypes.Of(component));
        writer.WriteString("bom-ref", entry.Ref);
        writer.WriteString("name", component.Name);
        if (component.Version is { } version)
        {
            writer.WriteString("version", version);
        }

        if (CycloneDxTypes.Scope(component.Scope) is { } scope)
        {
            writer.WriteString("scope", scope);
        }

        if (entry.Hashes.Count > 0)
        {
            writer.WriteStartArray("hashes");
            foreach (var hash in entry.Hashes)
            {
                writer.WriteStartObject();
                writer.WriteString("alg", hash.Algorithm);
                writer.WriteString("content", hash.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (component.Licenses.Count > 0)
        {
            var (names, expression) = CycloneDxTypes.Licenses(component.Licenses);
            writer.WriteStartArray("licenses");
            if (expression is not null)
            {
                writer.WriteStartObject();
                writer.WriteString("expression", expression);
                writer.WriteEndObject();
            }

            foreach (var name in names)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("license");
                writer.WriteString("name", name);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (component.Cpe is { } cpe)
        {
            writer.WriteString("cpe", cpe);
        }

        if (component.Purl is { } purl)
        {
            writer.WriteString("purl", purl.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteDependency(Utf8JsonWriter writer, string reference, IReadOnlyList<string> dependsOn)
    {
        writer.WriteStartObject();
        writer.WriteString("ref", reference);
        writer.WriteStartArray("dependsOn");
        foreach (var target in dependsOn)
        {
            writer.WriteStringValue(target);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.Csaf;

/// <summary>
/// The product tree of an export: the release under its vendor, each component as a full product name, and each
/// component as part of the release (a <c>default_component_of</c> relationship, whose id the statements use). Ids are
/// hashes of what they name, so they stay the same for the same release and component.
/// </summary>
internal sealed class CsafRelease(VexExport export)
{
    public string Name { get; } = NameOf(export);

    private string Id => "CSAFPID-" + VexIds.Hash(["release", export.Product, export.Release])[..16];

    public static string NameOf(VexExport export) => export.Release is { } release ? $"{export.Product} {release}" : export.Product;

    public string ComponentName(VexTarget target) => target.Purl ?? target.Cpe ?? target.Name ?? "";

    /// <summary>The ids of the statement's components as part of the release.</summary>
    public IEnumerable<string> IdsOf(VexStatement statement) => statement.Targets.Select(PartId).Distinct(StringComparer.Ordinal);

    public void WriteTree(Utf8JsonWriter writer, IEnumerable<VexTarget> targets)
    {
        var components = targets.DistinctBy(VexStatements.TargetKey).OrderBy(VexStatements.TargetKey, StringComparer.Ordinal).ToList();
        writer.WriteStartObject("product_tree");
        writer.WriteStartArray("branches");
        writer.WriteStartObject();
        writer.WriteString("category", "vendor");
        writer.WriteString("name", (export.Supplier ?? export.Author).Name);
        writer.WriteStartArray("branches");
        writer.WriteStartObject();
        writer.WriteString("category", "product_name");
        writer.WriteString("name", export.Product);
        if (export.Release is { } release)
        {
            writer.WriteStartArray("branches");
            writer.WriteStartObject();
            writer.WriteString("category", "product_version");
            writer.WriteString("name", release);
            WriteProduct(writer, "product", Id, Name, null);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            WriteProduct(writer, "product", Id, Name, null);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (components.Count > 0)
        {
            writer.WriteStartArray("full_product_names");
            foreach (var component in components)
            {
                WriteProduct(writer, null, ComponentId(component), ComponentName(component), component);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("relationships");
            foreach (var component in components)
            {
                writer.WriteStartObject();
                writer.WriteString("category", "default_component_of");
                WriteProduct(writer, "full_product_name", PartId(component), $"{ComponentName(component)} as a component of {Name}", null);
                writer.WriteString("product_reference", ComponentId(component));
                writer.WriteString("relates_to_product_reference", Id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteProduct(Utf8JsonWriter writer, string? property, string id, string name, VexTarget? identified)
    {
        if (property is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(property);
        }

        writer.WriteString("name", name);
        writer.WriteString("product_id", id);
        if (identified is { Purl: not null } or { Cpe: not null })
        {
            writer.WriteStartObject("product_identification_helper");
            if (identified.Cpe is { } cpe)
            {
                writer.WriteString("cpe", cpe);
            }

            if (identified.Purl is { } purl)
            {
                writer.WriteString("purl", purl);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string ComponentId(VexTarget target) => "CSAFPID-" + VexIds.Hash(["component", VexStatements.TargetKey(target)])[..16];

    private string PartId(VexTarget target) => "CSAFPID-" + VexIds.Hash(["part", VexStatements.TargetKey(target), Id])[..16];
}

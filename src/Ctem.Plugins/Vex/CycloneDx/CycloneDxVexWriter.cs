using System.Text.Encodings.Web;
using System.Text.Json;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.CycloneDx;

/// <summary>
/// Writes an export as a CycloneDX 1.6 JSON VEX: the release as the metadata component, each target as a component
/// (its purl as bom-ref), and one vulnerability per statement with its analysis and the component it affects; see
/// <see cref="CycloneDxVexMapping"/>. The serial number is a UUID derived from the content.
/// </summary>
public sealed class CycloneDxVexWriter : IVexWriter
{
    private const string ProductRef = "product";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "cyclonedx-vex/writer";

    public int Version => 1;

    public string Format => "cyclonedx";

    public void Write(VexExport export, Stream output)
    {
        ArgumentNullException.ThrowIfNull(export);
        var statements = VexStatements.Ordered(export.Statements);
        var components = statements.SelectMany(s => s.Targets).DistinctBy(ComponentRef).OrderBy(ComponentRef, StringComparer.Ordinal).ToList();
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("bomFormat", "CycloneDX");
        writer.WriteString("specVersion", "1.6");
        writer.WriteString("serialNumber", $"urn:uuid:{VexIds.Uuid([export.Product, export.Release, .. statements.Select(VexStatements.Key)])}");
        writer.WriteNumber("version", 1);
        WriteMetadata(writer, export);
        writer.WriteStartArray("components");
        foreach (var component in components)
        {
            WriteComponent(writer, component);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("vulnerabilities");
        foreach (var statement in statements)
        {
            WriteVulnerability(writer, statement);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, VexExport export)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("timestamp", VexIds.Time(export.Timestamp));
        writer.WriteStartObject("tools");
        writer.WriteStartArray("components");
        writer.WriteStartObject();
        writer.WriteString("type", "application");
        writer.WriteString("name", export.ToolName);
        writer.WriteString("version", export.ToolVersion);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("authors");
        writer.WriteStartObject();
        writer.WriteString("name", export.Author.Name);
        if (export.Author.Contact is { } contact && contact.Contains('@', StringComparison.Ordinal))
        {
            writer.WriteString("email", contact);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("component");
        writer.WriteString("type", "application");
        writer.WriteString("bom-ref", ProductRef);
        writer.WriteString("name", export.Product);
        if (export.Release is { } release)
        {
            writer.WriteString("version", release);
        }

        writer.WriteEndObject();
        if (export.Supplier is { } supplier)
        {
            writer.WriteStartObject("supplier");
            writer.WriteString("name", supplier.Name);
            if (supplier.Namespace is { } url)
            {
                writer.WriteStartArray("url");
                writer.WriteStringValue(url);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter writer, VexTarget target)
    {
        var purl = target.Purl is { } text && PackageUrl.Parse(text) is { Success: true } parsed ? parsed.Value : null;
        writer.WriteStartObject();
        writer.WriteString("type", "library");
        writer.WriteString("bom-ref", ComponentRef(target));
        if (purl?.Namespace is { } group)
        {
            writer.WriteString("group", group);
        }

        writer.WriteString("name", purl?.Name ?? target.Name ?? target.Cpe ?? target.Purl ?? "");
        if (purl?.Version is { } version)
        {
            writer.WriteString("version", version);
        }

        if (target.Cpe is { } cpe)
        {
            writer.WriteString("cpe", cpe);
        }

        if (target.Purl is { } written)
        {
            writer.WriteString("purl", written);
        }

        writer.WriteEndObject();
    }

    // A purl is its own bom-ref (readers resolve it either way); a component known by name or CPE gets one from its text.
    private static string ComponentRef(VexTarget target) =>
        target.Purl ?? "component-" + VexIds.Hash([target.Name, target.Cpe])[..16];

    private static void WriteVulnerability(Utf8JsonWriter writer, VexStatement statement)
    {
        writer.WriteStartObject();
        writer.WriteString("bom-ref", "vex-" + VexStatements.Key(statement)[..16]);
        writer.WriteString("id", statement.VulnerabilityId);
        if (statement.Aliases.Count > 0)
        {
            writer.WriteStartArray("references");
            foreach (var alias in statement.Aliases.Distinct(StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("id", alias);
                writer.WriteStartObject("source");
                writer.WriteString("name", alias.Split('-')[0]);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (statement.ActionStatement is { } action)
        {
            writer.WriteString("recommendation", action);
        }

        WriteAnalysis(writer, statement);
        writer.WriteStartArray("affects");
        foreach (var target in statement.Targets.DistinctBy(VexStatements.TargetKey))
        {
            writer.WriteStartObject();
            writer.WriteString("ref", ComponentRef(target));
            if (target.VersRange is { } range)
            {
                writer.WriteStartArray("versions");
                writer.WriteStartObject();
                writer.WriteString("range", range);
                writer.WriteString("status", "affected");
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteProperties(writer, statement);
        writer.WriteEndObject();
    }

    private static void WriteAnalysis(Utf8JsonWriter writer, VexStatement statement)
    {
        writer.WriteStartObject("analysis");
        writer.WriteString("state", CycloneDxVexMapping.NameOf(statement.State));
        if (CycloneDxVexMapping.NameOf(statement.Justification) is { } justification)
        {
            writer.WriteString("justification", justification);
        }

        var responses = statement.Responses.Select(CycloneDxVexMapping.ResponseOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (responses.Count > 0)
        {
            writer.WriteStartArray("response");
            foreach (var response in responses)
            {
                writer.WriteStringValue(response);
            }

            writer.WriteEndArray();
        }

        if (statement.Detail is { } detail)
        {
            writer.WriteString("detail", detail);
        }

        if (statement.Timestamp is { } time)
        {
            writer.WriteString("lastUpdated", VexIds.Time(time));
        }

        writer.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter writer, VexStatement statement)
    {
        var properties = new List<(string Name, string Value)>();
        if (VexJustifications.NameOf(statement.Justification) is { } exact)
        {
            properties.Add((CycloneDxVexMapping.JustificationProperty, exact));
        }

        properties.AddRange(statement.Evidence.Select(e => (CycloneDxVexMapping.EvidenceProperty, e)));
        if (properties.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("properties");
        foreach (var (name, value) in properties)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

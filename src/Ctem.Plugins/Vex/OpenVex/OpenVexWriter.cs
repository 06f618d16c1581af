using System.Text.Encodings.Web;
using System.Text.Json;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.OpenVex;

/// <summary>
/// Writes an export as an OpenVEX 0.2.0 document: one statement per exported statement, its components as products
/// (purls), the detail as <c>impact_statement</c> and the evidence as <c>status_notes</c> (one line each); see
/// <see cref="OpenVexMapping"/> for the states. The document id is a hash of the content.
/// </summary>
public sealed class OpenVexWriter : IVexWriter
{
    private const string PublicNamespace = "https://openvex.dev/docs/public";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "openvex/writer";

    public int Version => 1;

    public string Format => "openvex";

    public void Write(VexExport export, Stream output)
    {
        ArgumentNullException.ThrowIfNull(export);
        var statements = VexStatements.Ordered(export.Statements);
        var hash = VexIds.Hash([export.Product, export.Release, .. statements.Select(VexStatements.Key)]);
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("@context", OpenVexMapping.Context);
        writer.WriteString("@id", $"{(export.Author.Namespace ?? PublicNamespace).TrimEnd('/')}/vex-{hash}");
        writer.WriteString("author", export.Author.Name);
        writer.WriteString("role", "Document Creator");
        writer.WriteString("timestamp", VexIds.Time(export.Timestamp));
        writer.WriteNumber("version", 1);
        writer.WriteString("tooling", $"{export.ToolName} {export.ToolVersion}");
        writer.WriteStartArray("statements");
        foreach (var statement in statements)
        {
            WriteStatement(writer, statement, export);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStatement(Utf8JsonWriter writer, VexStatement statement, VexExport export)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("vulnerability");
        writer.WriteString("name", statement.VulnerabilityId);
        if (statement.Aliases.Count > 0)
        {
            writer.WriteStartArray("aliases");
            foreach (var alias in statement.Aliases.Distinct(StringComparer.Ordinal))
            {
                writer.WriteStringValue(alias);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteString("timestamp", VexIds.Time(statement.Timestamp ?? export.Timestamp));
        writer.WriteStartArray("products");
        foreach (var target in statement.Targets.DistinctBy(VexStatements.TargetKey))
        {
            WriteProduct(writer, target);
        }

        writer.WriteEndArray();
        writer.WriteString("status", OpenVexMapping.StatusOf(statement.State));
        if (export.Supplier is { } supplier)
        {
            writer.WriteString("supplier", supplier.Name);
        }

        if (VexJustifications.NameOf(statement.Justification) is { } justification)
        {
            writer.WriteString("justification", justification);
        }

        if (ImpactStatement(statement) is { } impact)
        {
            writer.WriteString("impact_statement", impact);
        }

        if ((statement.ActionStatement ?? (statement.State == VexState.Affected ? VexWording.NoActionStatement : null)) is { } action)
        {
            writer.WriteString("action_statement", action);
        }

        if (statement.Evidence.Count > 0)
        {
            writer.WriteString("status_notes", string.Join("\n", statement.Evidence));
        }

        writer.WriteEndObject();
    }

    private static string? ImpactStatement(VexStatement statement) => statement.State switch
    {
        VexState.FalsePositive => VexWording.FalsePositiveImpact(statement.Detail),
        VexState.NotAffected when statement.Detail is null && statement.Justification == VexJustification.Unspecified => VexWording.NoImpactStatement,
        _ => statement.Detail,
    };

    // A purl is the product's IRI; without one, a CPE is an identifier and a bare name the IRI as given.
    private static void WriteProduct(Utf8JsonWriter writer, VexTarget target)
    {
        writer.WriteStartObject();
        if (target.Purl is not null || target.Cpe is null)
        {
            writer.WriteString("@id", target.Purl ?? target.Name ?? "");
        }

        if (target.Cpe is { } cpe)
        {
            writer.WriteStartObject("identifiers");
            writer.WriteString(cpe.StartsWith("cpe:2.3:", StringComparison.Ordinal) ? "cpe23" : "cpe22", cpe);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

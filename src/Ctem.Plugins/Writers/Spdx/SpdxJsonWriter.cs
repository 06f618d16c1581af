using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Writers.Spdx;

/// <summary>
/// Writes the inventory as an SPDX 2.3 JSON document: one package per component (purl as a PACKAGE-MANAGER external
/// reference), the product package the document DESCRIBES, and DEPENDS_ON relationships from the graph.
/// </summary>
public sealed partial class SpdxJsonWriter : ISbomWriter
{
    private const string NoAssertion = "NOASSERTION";
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "spdx/json-writer";

    public int Version => 1;

    public string Format => "spdx-json";

    public void Write(Inventory inventory, SbomMetadata metadata, Stream output)
    {
        var model = SbomModel.From(inventory);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal) { [SbomModel.ProductRef] = "SPDXRef-Product" };
        for (var i = 0; i < model.Components.Count; i++)
        {
            ids[model.Components[i].Ref] = $"SPDXRef-Package-{i + 1}";
        }

        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("spdxVersion", "SPDX-2.3");
        writer.WriteString("dataLicense", "CC0-1.0");
        writer.WriteString("SPDXID", "SPDXRef-DOCUMENT");
        writer.WriteString("name", model.Product.Name);
        writer.WriteString("documentNamespace", $"https://spdx.org/spdxdocs/ctem/{Slug().Replace(model.Product.Name, "-")}-{model.Serial}");
        writer.WriteStartObject("creationInfo");
        writer.WriteString("created", metadata.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartArray("creators");
        writer.WriteStringValue($"Tool: {metadata.ToolName}-{metadata.ToolVersion}");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("documentDescribes");
        writer.WriteStringValue("SPDXRef-Product");
        writer.WriteEndArray();

        writer.WriteStartArray("packages");
        WritePackage(writer, "SPDXRef-Product", model.Product.Name, model.Product.Version, null, [], []);
        foreach (var entry in model.Components)
        {
            WritePackage(writer, ids[entry.Ref], entry.Component.Name, entry.Component.Version, entry.Component.Purl, entry.Hashes, entry.Component.Licenses);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("relationships");
        WriteRelationship(writer, "SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Product");
        foreach (var target in model.Direct)
        {
            WriteRelationship(writer, "SPDXRef-Product", "DEPENDS_ON", ids[target]);
        }

        foreach (var entry in model.Components)
        {
            foreach (var target in entry.DependsOn)
            {
                WriteRelationship(writer, ids[entry.Ref], "DEPENDS_ON", ids[target]);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePackage(
        Utf8JsonWriter writer, string id, string name, string? version, PackageUrl? purl, IReadOnlyList<ComponentHash> hashes, IReadOnlyList<string> licenses)
    {
        writer.WriteStartObject();
        writer.WriteString("SPDXID", id);
        writer.WriteString("name", name);
        if (version is not null)
        {
            writer.WriteString("versionInfo", version);
        }

        writer.WriteString("downloadLocation", NoAssertion);
        writer.WriteBoolean("filesAnalyzed", false);
        writer.WriteString("licenseConcluded", NoAssertion);
        writer.WriteString("licenseDeclared", DeclaredLicense(licenses));
        writer.WriteString("copyrightText", NoAssertion);
        if (hashes.Count > 0)
        {
            writer.WriteStartArray("checksums");
            foreach (var hash in hashes)
            {
                writer.WriteStartObject();
                writer.WriteString("algorithm", SbomHashes.SpdxName(hash));
                writer.WriteString("checksumValue", hash.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (purl is not null)
        {
            writer.WriteStartArray("externalRefs");
            writer.WriteStartObject();
            writer.WriteString("referenceCategory", "PACKAGE-MANAGER");
            writer.WriteString("referenceType", "purl");
            writer.WriteString("referenceLocator", purl.ToString());
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteRelationship(Utf8JsonWriter writer, string from, string type, string to)
    {
        writer.WriteStartObject();
        writer.WriteString("spdxElementId", from);
        writer.WriteString("relationshipType", type);
        writer.WriteString("relatedSpdxElement", to);
        writer.WriteEndObject();
    }

    // Only what reads as an SPDX licence expression is declared; free-text names would make the document invalid.
    private static string DeclaredLicense(IReadOnlyList<string> licenses) =>
        licenses.Count > 0 && licenses.All(l => LicenseExpression().IsMatch(l))
            ? string.Join(" AND ", licenses.Select(l => licenses.Count > 1 && l.Contains(' ', StringComparison.Ordinal) ? $"({l})" : l))
            : NoAssertion;

    [GeneratedRegex(@"^[A-Za-z0-9.+\-]+( (AND|OR|WITH) [A-Za-z0-9.+\-]+)*$")]
    private static partial Regex LicenseExpression();

    [GeneratedRegex("[^A-Za-z0-9.-]+")]
    private static partial Regex Slug();
}

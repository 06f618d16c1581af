using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.Csaf;

/// <summary>
/// Writes an export as a CSAF 2.0 <c>csaf_vex</c> document: the release under its vendor in the product tree, each
/// component a full product name (purl or CPE helper) and a <c>default_component_of</c> relationship into the release,
/// and per vulnerability the product status, with flags (justification), impact threats (detail) and remediations
/// (action) per product; see <see cref="CsafVexMapping"/>. Ids are hashes of the content.
/// </summary>
public sealed partial class CsafVexWriter : IVexWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "csaf/writer";

    public int Version => 1;

    public string Format => "csaf";

    public void Write(VexExport export, Stream output)
    {
        ArgumentNullException.ThrowIfNull(export);
        var statements = VexStatements.Ordered(export.Statements);
        var hash = VexIds.Hash([export.Product, export.Release, .. statements.Select(VexStatements.Key)]);
        var product = new CsafRelease(export);
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        WriteDocument(writer, export, hash);
        product.WriteTree(writer, statements.SelectMany(s => s.Targets));
        writer.WriteStartArray("vulnerabilities");
        foreach (var vulnerability in statements.GroupBy(s => s.VulnerabilityId, StringComparer.Ordinal))
        {
            WriteVulnerability(writer, vulnerability.Key, [.. vulnerability], product);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter writer, VexExport export, string hash)
    {
        var time = VexIds.Time(export.Timestamp);
        writer.WriteStartObject("document");
        writer.WriteString("category", CsafVexMapping.VexProfile);
        writer.WriteString("csaf_version", CsafVexMapping.Version);
        writer.WriteStartObject("publisher");
        writer.WriteString("category", "vendor");
        writer.WriteString("name", export.Author.Name);
        writer.WriteString("namespace", export.Author.Namespace ?? "urn:ctem:publisher:" + Slug().Replace(export.Author.Name.ToLowerInvariant(), "-"));
        if (export.Author.Contact is { } contact)
        {
            writer.WriteString("contact_details", contact);
        }

        writer.WriteEndObject();
        writer.WriteString("title", $"VEX for {CsafRelease.NameOf(export)}");
        writer.WriteStartObject("tracking");
        writer.WriteString("id", "CTEM-VEX-" + hash[..16]);
        writer.WriteString("status", "final");
        writer.WriteString("version", "1");
        writer.WriteString("initial_release_date", time);
        writer.WriteString("current_release_date", time);
        writer.WriteStartArray("revision_history");
        writer.WriteStartObject();
        writer.WriteString("date", time);
        writer.WriteString("number", "1");
        writer.WriteString("summary", "Exported by " + export.ToolName);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("generator");
        writer.WriteStartObject("engine");
        writer.WriteString("name", export.ToolName);
        writer.WriteString("version", export.ToolVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter writer, string id, List<VexStatement> statements, CsafRelease release)
    {
        writer.WriteStartObject();
        var others = statements.SelectMany(s => s.Aliases).Prepend(id).Distinct(StringComparer.Ordinal).ToList();
        if (Cve().IsMatch(id))
        {
            writer.WriteString("cve", id);
            others.RemoveAt(0);
        }

        if (others.Count > 0)
        {
            writer.WriteStartArray("ids");
            foreach (var other in others)
            {
                writer.WriteStartObject();
                writer.WriteString("system_name", other.Split('-')[0]);
                writer.WriteString("text", other);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteNotes(writer, id, statements, release);
        writer.WriteStartObject("product_status");
        foreach (var list in statements.GroupBy(s => CsafVexMapping.ListOf(s.State)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteStartArray(list.Key);
            foreach (var productId in list.SelectMany(release.IdsOf).Distinct(StringComparer.Ordinal))
            {
                writer.WriteStringValue(productId);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        WriteItems(writer, "flags", release, statements.Select(s => (s, VexJustifications.NameOf(s.Justification) is { } label ? Fields(("label", label)) : null)));
        WriteItems(writer, "threats", release, statements.Select(s => (s, Impact(s) is { } impact ? Fields(("category", "impact"), ("details", impact)) : null)));
        WriteItems(writer, "remediations", release, statements.SelectMany(Remediations));
        writer.WriteEndObject();
    }

    // csaf_vex requires notes on each vulnerability (6.1.27.5); the evidence per component goes there too.
    private static void WriteNotes(Utf8JsonWriter writer, string id, List<VexStatement> statements, CsafRelease release)
    {
        writer.WriteStartArray("notes");
        writer.WriteStartObject();
        writer.WriteString("category", "summary");
        writer.WriteString("title", "Analysis");
        writer.WriteString("text", $"{id} as analysed for {release.Name}: {string.Join(", ", statements.GroupBy(s => CsafVexMapping.ListOf(s.State)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}.");
        writer.WriteEndObject();
        foreach (var statement in statements.Where(s => s.Evidence.Count > 0))
        {
            writer.WriteStartObject();
            writer.WriteString("category", "details");
            writer.WriteString("title", "Evidence for " + release.ComponentName(statement.Targets[0]));
            writer.WriteString("text", string.Join("\n", statement.Evidence));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string? Impact(VexStatement statement) => statement.State switch
    {
        VexState.FalsePositive => VexWording.FalsePositiveImpact(statement.Detail),
        VexState.NotAffected when statement.Detail is null && statement.Justification == VexJustification.Unspecified => VexWording.NoImpactStatement,
        _ => statement.Detail,
    };

    // One remediation per response category; an affected product always gets one (6.1.27.10), saying none was recorded if so.
    private static IEnumerable<(VexStatement, (string, string)[]?)> Remediations(VexStatement statement)
    {
        var details = statement.ActionStatement ?? (statement.State == VexState.Affected ? VexWording.NoActionStatement : null);
        if (details is null)
        {
            yield break;
        }

        var categories = statement.Responses.Select(CsafVexMapping.CategoryOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var category in categories.Count > 0 ? categories : [statement.ActionStatement is null ? "none_available" : "mitigation"])
        {
            yield return (statement, Fields(("category", category), ("details", details)));
        }
    }

    private static (string, string)[] Fields(params (string, string)[] fields) => fields;

    // Each item is about one statement's product: its fields, its date when the statement has one, and its product id.
    private static void WriteItems(Utf8JsonWriter writer, string name, CsafRelease release, IEnumerable<(VexStatement Statement, (string Key, string Value)[]? Fields)> items)
    {
        var written = items.Where(i => i.Fields is not null).ToList();
        if (written.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var (statement, fields) in written)
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields!)
            {
                writer.WriteString(key, value);
            }

            if (statement.Timestamp is { } time)
            {
                writer.WriteString("date", VexIds.Time(time));
            }

            writer.WriteStartArray("product_ids");
            foreach (var productId in release.IdsOf(statement))
            {
                writer.WriteStringValue(productId);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$")]
    private static partial Regex Cve();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}

using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports;
using Ctem.Plugins.Reports.CycloneDxVdr;

namespace Ctem.Plugins.Vex.OpenVex;

/// <summary>
/// Reads an OpenVEX 0.2.0 document. Each statement becomes one <see cref="VexStatement"/> for the products it names
/// directly, and one per product that lists subcomponents (then <see cref="VexStatement.Product"/> is that product and
/// the subcomponents are the targets). The shorthand some tools write, a vulnerability or product as a bare string, is
/// read too.
/// </summary>
public sealed class OpenVexReader : IVexReader
{
    public string Name => "openvex/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        head.IndexOf("openvex.dev/ns"u8) >= 0
        || (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && Path.GetFileName(path).Contains("openvex", StringComparison.OrdinalIgnoreCase)
            && head.IndexOf("\"bomFormat\""u8) < 0
            && head.IndexOf("\"csaf_version\""u8) < 0);

    public VexReadResult Read(string path, ReadOnlySpan<byte> content) =>
        JsonInput.Read(path, content.ToArray(), ReportJson.Options, root => Read(path, root), VexReadResult.Failed);

    private static VexReadResult Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refused(path, $"not an OpenVEX document: expected a JSON object with \"@context\": \"{OpenVexMapping.Context}\", found {Kind(root)}");
        }

        var context = ReportJson.String(root, "@context");
        if (context is null || !context.StartsWith(OpenVexMapping.LatestContext, StringComparison.Ordinal))
        {
            return Refused(path, $"not an OpenVEX document: \"@context\" is {(context is null ? "missing" : $"'{context}'")}, expected \"{OpenVexMapping.Context}\"");
        }

        if (context.TrimEnd('/') is not (OpenVexMapping.Context or OpenVexMapping.LatestContext))
        {
            return Refused(path, $"unsupported OpenVEX version: \"@context\" is '{context}'; Ctem reads OpenVEX 0.2.0 (\"{OpenVexMapping.Context}\")");
        }

        if (ReportJson.ArrayElement(root, "statements") is not { } statements)
        {
            return Refused(path, "not an OpenVEX document: it has no \"statements\" array");
        }

        var author = ReportJson.String(root, "author");
        var timestamp = VdrJsonDocument.Time(root, "last_updated") ?? VdrJsonDocument.Time(root, "timestamp");
        var read = new List<VexStatement>();
        var diagnostics = new List<Diagnostic>();
        var index = 0;
        foreach (var statement in statements.EnumerateArray())
        {
            var pointer = "/statements/" + index++.ToString(CultureInfo.InvariantCulture);
            foreach (var candidate in Statements(path, statement, pointer, author, timestamp, diagnostics))
            {
                if (VexStatements.Rejection(path, candidate, "OpenVEX") is { } rejection)
                {
                    diagnostics.Add(rejection);
                }
                else
                {
                    read.Add(candidate);
                }
            }
        }

        return VexReadResult.Ok(new VexDocument("openvex", ReportJson.String(root, "@id"), author, timestamp, read), diagnostics);
    }

    private static IEnumerable<VexStatement> Statements(
        string path, JsonElement statement, string pointer, string? author, DateTimeOffset? documentTime, List<Diagnostic> diagnostics)
    {
        var (id, aliases) = Vulnerability(statement);
        if (id is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVexStatement, path, "the statement names no vulnerability (\"vulnerability\": {\"name\": …})", pointer));
            yield break;
        }

        var status = ReportJson.String(statement, "status");
        if (OpenVexMapping.StateOf(status) is not { } state)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.InvalidVexStatement,
                path,
                $"{id}: status {(status is null ? "is missing" : $"'{status}' is not one of")} {OpenVexMapping.StatusNames}",
                pointer + "/status"));
            yield break;
        }

        var justificationText = ReportJson.String(statement, "justification");
        var justification = VexJustifications.Parse(justificationText);
        if (justificationText is not null && justification is null)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.InvalidVexStatement,
                path,
                $"{id}: justification '{justificationText}' is not one of {VexJustifications.Names}",
                pointer + "/justification"));
            yield break;
        }

        var detail = ReportJson.String(statement, "impact_statement");
        if (state == VexState.NotAffected && VexWording.IsFalsePositive(detail, out var falsePositiveDetail))
        {
            (state, detail) = (VexState.FalsePositive, falsePositiveDetail);
        }

        var writtenAction = ReportJson.String(statement, "action_statement");
        if (state == VexState.Affected && string.IsNullOrWhiteSpace(writtenAction))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidVexStatement, path, $"{id}: an affected statement should say what to do (\"action_statement\")", pointer));
        }

        var template = new VexStatement(id, aliases, [], state)
        {
            Justification = justification ?? VexJustification.Unspecified,
            FormatJustification = justificationText,
            Detail = detail,
            ActionStatement = VexWording.Action(writtenAction),
            Evidence = ReportJson.String(statement, "status_notes") is { } notes ? notes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            Timestamp = VdrJsonDocument.Time(statement, "last_updated") ?? VdrJsonDocument.Time(statement, "timestamp") ?? documentTime,
            Author = author,
            Location = pointer,
        };

        var direct = new List<VexTarget>();
        var products = ReportJson.Array(statement, "products").ToList();
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i];
            var place = $"{pointer}/products/{i.ToString(CultureInfo.InvariantCulture)}";
            var target = Target(product);
            if (target is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"{id}: a product has neither \"@id\" nor identifiers; skipped", place));
                continue;
            }

            var subcomponents = ReportJson.Array(product, "subcomponents").Select(Target).OfType<VexTarget>().ToList();
            if (subcomponents.Count == 0)
            {
                direct.Add(target);
            }
            else
            {
                yield return template with { Product = target.Purl ?? target.Name ?? target.Cpe, Targets = subcomponents, Location = place };
            }
        }

        if (direct.Count > 0)
        {
            yield return template with { Targets = direct };
        }
        else if (products.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"{id}: the statement names no product; skipped", pointer));
        }
    }

    private static (string? Id, IReadOnlyList<string> Aliases) Vulnerability(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object || !statement.TryGetProperty("vulnerability", out var vulnerability))
        {
            return (null, []);
        }

        if (vulnerability.ValueKind == JsonValueKind.String)
        {
            return (NonBlank(vulnerability.GetString()), []);
        }

        var aliases = ReportJson.Strings(vulnerability, "aliases").Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return (NonBlank(ReportJson.String(vulnerability, "name")), aliases);
    }

    // A product is an IRI (a purl, usually) in "@id", or identifiers (purl, cpe22, cpe23); a bare string is its "@id".
    private static VexTarget? Target(JsonElement product)
    {
        var iri = product.ValueKind == JsonValueKind.String ? product.GetString() : ReportJson.String(product, "@id");
        var identifiers = product.ValueKind == JsonValueKind.Object ? ReportJson.Object(product, "identifiers") : null;
        var purlText = identifiers is { } ids ? ReportJson.String(ids, "purl") : null;
        var cpe = identifiers is { } cpes ? ReportJson.String(cpes, "cpe23") ?? ReportJson.String(cpes, "cpe22") : null;
        var purl = Purl(purlText) ?? Purl(iri);
        if (purl is null && cpe is null && NonBlank(iri) is null)
        {
            return null;
        }

        return new VexTarget(purl, null, cpe) { Name = purl is null ? NonBlank(iri) : null };
    }

    private static string? Purl(string? text) =>
        text is not null && PackageUrl.Parse(text) is { Success: true } parsed ? parsed.Value.ToString() : null;

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    private static VexReadResult Refused(string path, string message) =>
        VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, message));
}

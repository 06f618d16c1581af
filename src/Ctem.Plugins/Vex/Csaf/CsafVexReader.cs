using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports;
using Ctem.Plugins.Reports.CycloneDxVdr;

namespace Ctem.Plugins.Vex.Csaf;

/// <summary>
/// Reads a CSAF 2.0 document's product status as VEX statements: one per vulnerability and product id in a status list,
/// with the product's justification from the flags, its detail from the impact threats and its action and responses
/// from the remediations (each found by product id or product group). A <c>csaf_vex</c> document must also meet what
/// that profile requires (<see cref="CsafVexProfile"/>); other profiles (security advisories) are read for their
/// product status, and a <c>known_not_affected</c> product without a reason is left out with a warning, as Ctem records
/// none without one.
/// </summary>
public sealed class CsafVexReader : IVexReader
{
    public string Name => "csaf/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && head.IndexOf("\"csaf_version\""u8) >= 0;

    public VexReadResult Read(string path, ReadOnlySpan<byte> content) =>
        JsonInput.Read(path, content.ToArray(), ReportJson.Options, root => Read(path, root), VexReadResult.Failed);

    private static VexReadResult Read(string path, JsonElement root)
    {
        if (ReportJson.Object(root, "document") is not { } document || ReportJson.String(document, "csaf_version") is not { } version)
        {
            return Refused(path, "not a CSAF document: expected an object with \"document\": {\"csaf_version\": \"2.0\", …}", null);
        }

        if (version != CsafVexMapping.Version)
        {
            return Refused(path, $"unsupported CSAF version {version}: Ctem reads CSAF {CsafVexMapping.Version}", "/document/csaf_version");
        }

        var vex = ReportJson.String(document, "category") == CsafVexMapping.VexProfile;
        if (vex && CsafVexProfile.DocumentRefusal(root) is { } refusal)
        {
            return Refused(path, refusal.Message, refusal.Pointer);
        }

        var tracking = ReportJson.Object(document, "tracking");
        var publisher = ReportJson.Object(document, "publisher");
        var author = publisher is { } p ? ReportJson.String(p, "name") : null;
        var time = tracking is { } t ? VdrJsonDocument.Time(t, "current_release_date") : null;
        var tree = new CsafProductTree(ReportJson.Object(root, "product_tree"));
        var statements = new List<VexStatement>();
        var diagnostics = new List<Diagnostic>();
        var index = 0;
        foreach (var vulnerability in ReportJson.Array(root, "vulnerabilities"))
        {
            var pointer = "/vulnerabilities/" + index++.ToString(CultureInfo.InvariantCulture);
            if (vex && CsafVexProfile.VulnerabilityRefusal(vulnerability) is { } problem)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVexStatement, path, problem.Message, pointer + problem.Pointer));
                continue;
            }

            var context = new CsafVulnerability(path, vulnerability, pointer, tree, author, time, vex);
            statements.AddRange(context.Statements(diagnostics));
        }

        var id = tracking is { } tracked ? ReportJson.String(tracked, "id") : null;
        return VexReadResult.Ok(new VexDocument("csaf", id, author, time, statements), diagnostics);
    }

    private static VexReadResult Refused(string path, string message, string? pointer) =>
        VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, message, pointer));
}

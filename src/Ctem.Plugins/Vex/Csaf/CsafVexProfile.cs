using System.Text.Json;
using Ctem.Plugins.Reports;

namespace Ctem.Plugins.Vex.Csaf;

/// <summary>What the CSAF 2.0 <c>csaf_vex</c> profile (section 4.5) requires beyond the schema, as the tests of section 6.1.27 check it.</summary>
internal static class CsafVexProfile
{
    public sealed record Problem(string Message, string Pointer);

    public static Problem? DocumentRefusal(JsonElement root)
    {
        if (ReportJson.Object(root, "product_tree") is null)
        {
            return new Problem("the csaf_vex profile requires a \"product_tree\" (CSAF 2.0, 6.1.27.4)", "/product_tree");
        }

        return ReportJson.ArrayElement(root, "vulnerabilities") is { } vulnerabilities && vulnerabilities.GetArrayLength() > 0
            ? null
            : new Problem("the csaf_vex profile requires at least one entry in \"vulnerabilities\" (CSAF 2.0, 6.1.27.11)", "/vulnerabilities");
    }

    /// <summary>The first requirement a vulnerability misses, with its place under the vulnerability; null when it meets them.</summary>
    public static Problem? VulnerabilityRefusal(JsonElement vulnerability)
    {
        if (ReportJson.String(vulnerability, "cve") is null && !ReportJson.Array(vulnerability, "ids").Any())
        {
            return new Problem("the csaf_vex profile requires a \"cve\" or \"ids\" for each vulnerability (CSAF 2.0, 6.1.27.8)", "");
        }

        if (!ReportJson.Array(vulnerability, "notes").Any())
        {
            return new Problem("the csaf_vex profile requires \"notes\" for each vulnerability (CSAF 2.0, 6.1.27.5)", "/notes");
        }

        var status = ReportJson.Object(vulnerability, "product_status");
        return status is { } s && CsafVexMapping.VexStatusLists.Any(list => ReportJson.Array(s, list).Any())
            ? null
            : new Problem($"the csaf_vex profile requires one of {string.Join(", ", CsafVexMapping.VexStatusLists)} in \"product_status\" (CSAF 2.0, 6.1.27.7)", "/product_status");
    }
}

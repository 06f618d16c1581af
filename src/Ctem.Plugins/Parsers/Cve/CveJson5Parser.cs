using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Cve;

/// <summary>
/// Reads CVE JSON 5.x records (cvelistV5, cisagov/vulnrichment): every CVSS metric (v2.0, v3.0, v3.1, v4.0) and CWE of
/// the CNA container and of each ADP container, labelled with the container (<c>cve:cna</c>, <c>cve:adp:CISA-ADP</c>),
/// and the SSVC decision points of CISA's ADP container with their timestamp.
/// </summary>
public sealed class CveJson5Parser : ICveRecordParser
{
    public string Name => "cve/json5";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> content) =>
        content.IndexOf("\"CVE_RECORD\""u8) >= 0 && content.IndexOf("\"cveMetadata\""u8) >= 0;

    public CveRecordResult Parse(string path, ReadOnlySpan<byte> content) => CveJson.Read(path, content, (root, diagnostics) =>
    {
        var metadata = CveJson.Object(root, "cveMetadata");
        var id = CveJson.Text(metadata, "cveId");
        var modified = CveJson.Time(CveJson.Text(metadata, "dateUpdated") ?? CveJson.Text(metadata, "datePublished") ?? CveJson.Text(metadata, "dateReserved"));
        if (!CveJson.IsCveId(id) || modified is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotACveRecord, path, "not a CVE JSON 5 record: cveMetadata.cveId or a date is missing", "/cveMetadata"));
            return [];
        }

        var containers = CveJson.Object(root, "containers");
        var cvss = new List<CvssCandidate>();
        var cwes = new List<CveWeakness>();
        SsvcPoints? ssvc = null;
        Read(CveJson.Object(containers, "cna"), "cve:cna", cvss, cwes);
        foreach (var adp in CveJson.Array(containers, "adp"))
        {
            var name = CveJson.Text(CveJson.Object(adp, "providerMetadata"), "shortName") ?? "unknown";
            var source = $"cve:adp:{name}";
            Read(adp, source, cvss, cwes);
            ssvc ??= Ssvc(adp, source);
        }

        return
        [
            new CveRecord(id!, "cve", modified.Value, CveJson.Text(metadata, "state"))
            {
                Cvss = cvss,
                Cwes = cwes,
                Ssvc = ssvc,
                Published = CveJson.Time(CveJson.Text(metadata, "datePublished")),
            },
        ];
    });

    private static void Read(JsonElement container, string source, List<CvssCandidate> cvss, List<CveWeakness> cwes)
    {
        foreach (var metric in CveJson.Array(container, "metrics"))
        {
            foreach (var key in CveJson.Cve5MetricKeys)
            {
                if (CveJson.Text(CveJson.Object(metric, key), "vectorString") is { Length: > 0 } vector)
                {
                    cvss.Add(new CvssCandidate(vector, source));
                }
            }
        }

        foreach (var problem in CveJson.Array(container, "problemTypes"))
        {
            foreach (var description in CveJson.Array(problem, "descriptions"))
            {
                if (CveJson.Text(description, "cweId") is { } cwe && CveJson.IsCwe(cwe))
                {
                    cwes.Add(new CveWeakness(cwe, source));
                }
            }
        }
    }

    /// <summary>The decision points of an SSVC "other" metric, normalised to CISA's lower-case spellings (<c>poc</c> is <c>public-poc</c>).</summary>
    private static SsvcPoints? Ssvc(JsonElement container, string source)
    {
        foreach (var metric in CveJson.Array(container, "metrics"))
        {
            var other = CveJson.Object(metric, "other");
            if (CveJson.Text(other, "type") != "ssvc")
            {
                continue;
            }

            var content = CveJson.Object(other, "content");
            string? exploitation = null, automatable = null, impact = null;
            foreach (var option in CveJson.Array(content, "options"))
            {
                if (option.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var point in option.EnumerateObject())
                {
                    var value = point.Value.ValueKind == JsonValueKind.String ? point.Value.GetString()?.Trim().ToLowerInvariant() : null;
                    switch (point.Name.Trim().ToLowerInvariant())
                    {
                        case "exploitation":
                            exploitation = value is "poc" or "public poc" ? "public-poc" : value;
                            break;
                        case "automatable":
                            automatable = value;
                            break;
                        case "technical impact":
                            impact = value;
                            break;
                    }
                }
            }

            return new SsvcPoints(exploitation, automatable, impact, source, CveJson.Time(CveJson.Text(content, "timestamp")));
        }

        return null;
    }
}

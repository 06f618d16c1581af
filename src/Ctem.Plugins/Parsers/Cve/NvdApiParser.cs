using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Cve;

/// <summary>
/// Reads NVD CVE API 2.0 responses as they are downloaded (a page of <c>vulnerabilities[].cve</c>): primary and
/// secondary CVSS v2, v3.x and v4.0 (<c>nvd:primary</c>, <c>nvd:secondary:SOURCE</c>), CWEs, the CPE configurations
/// (kept as NVD gives them) and <c>vulnStatus</c>. Also reads the legacy NVD 1.1 data feeds (<c>CVE_Items</c>).
/// </summary>
public sealed class NvdApiParser : ICveRecordParser
{
    private static readonly string[] MetricKeys = ["cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2"];

    public string Name => "nvd/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> content)
    {
        // The response's header keys come first; a whole NVD download is not searched end to end.
        var head = content[..Math.Min(content.Length, 4096)];
        return (head.IndexOf("\"NVD_CVE\""u8) >= 0 && head.IndexOf("\"vulnerabilities\""u8) >= 0) || head.IndexOf("\"CVE_Items\""u8) >= 0;
    }

    public CveRecordResult Parse(string path, ReadOnlySpan<byte> content) => CveJson.Read(path, content, (root, diagnostics) =>
    {
        var records = new List<CveRecord>();
        var legacy = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("CVE_Items", out _);
        var items = CveJson.Array(root, legacy ? "CVE_Items" : "vulnerabilities").ToList();
        if (items.Count == 0 && !(root.ValueKind == JsonValueKind.Object && root.TryGetProperty(legacy ? "CVE_Items" : "vulnerabilities", out _)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotACveRecord, path, "not an NVD CVE API response: 'vulnerabilities' is missing", "/vulnerabilities"));
            return records;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var pointer = legacy ? $"/CVE_Items/{i}" : $"/vulnerabilities/{i}/cve";
            var record = legacy ? Legacy(items[i]) : Api(CveJson.Object(items[i], "cve"));
            if (record is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "record without a CVE id or lastModified date; skipped", pointer));
                continue;
            }

            records.Add(record);
        }

        return records;
    });

    private static CveRecord? Api(JsonElement cve)
    {
        var id = CveJson.Text(cve, "id");
        var modified = CveJson.Time(CveJson.Text(cve, "lastModified"));
        if (!CveJson.IsCveId(id) || modified is null)
        {
            return null;
        }

        var metrics = CveJson.Object(cve, "metrics");
        var cvss = new List<CvssCandidate>();
        foreach (var key in MetricKeys)
        {
            foreach (var metric in CveJson.Array(metrics, key))
            {
                if (CveJson.Text(CveJson.Object(metric, "cvssData"), "vectorString") is { Length: > 0 } vector)
                {
                    cvss.Add(new CvssCandidate(vector, Label(metric)));
                }
            }
        }

        var cwes = CveJson.Array(cve, "weaknesses")
            .SelectMany(w => CveJson.Array(w, "description").Select(d => (Cwe: CveJson.Text(d, "value"), Source: Label(w))))
            .Where(w => CveJson.IsCwe(w.Cwe))
            .Select(w => new CveWeakness(w.Cwe!, w.Source))
            .Distinct()
            .ToList();
        return new CveRecord(id!, "nvd", modified.Value, CveJson.Text(cve, "vulnStatus"))
        {
            Cvss = cvss,
            Cwes = cwes,
            CpeConfigurationsJson = cve.TryGetProperty("configurations", out var configurations) ? configurations.GetRawText() : null,
            Published = CveJson.Time(CveJson.Text(cve, "published")),
        };
    }

    /// <summary>NVD's own score is "Primary"; a CNA's, given to NVD, is "Secondary" with the CNA as its source.</summary>
    private static string Label(JsonElement metric) =>
        string.Equals(CveJson.Text(metric, "type"), "Primary", StringComparison.OrdinalIgnoreCase)
            ? "nvd:primary"
            : $"nvd:secondary:{CveJson.Text(metric, "source") ?? "unknown"}";

    private static CveRecord? Legacy(JsonElement item)
    {
        var cve = CveJson.Object(item, "cve");
        var id = CveJson.Text(CveJson.Object(cve, "CVE_data_meta"), "ID");
        var modified = CveJson.Time(CveJson.Text(item, "lastModifiedDate"));
        if (!CveJson.IsCveId(id) || modified is null)
        {
            return null;
        }

        var impact = CveJson.Object(item, "impact");
        var cvss = new List<CvssCandidate>();
        foreach (var (metric, data) in new[] { ("baseMetricV3", "cvssV3"), ("baseMetricV2", "cvssV2") })
        {
            if (CveJson.Text(CveJson.Object(CveJson.Object(impact, metric), data), "vectorString") is { Length: > 0 } vector)
            {
                cvss.Add(new CvssCandidate(vector, "nvd:primary"));
            }
        }

        var cwes = CveJson.Array(CveJson.Object(cve, "problemtype"), "problemtype_data")
            .SelectMany(p => CveJson.Array(p, "description"))
            .Select(d => CveJson.Text(d, "value"))
            .Where(CveJson.IsCwe)
            .Distinct(StringComparer.Ordinal)
            .Select(cwe => new CveWeakness(cwe!, "nvd:primary"))
            .ToList();
        return new CveRecord(id!, "nvd", modified.Value, null)
        {
            Cvss = cvss,
            Cwes = cwes,
            CpeConfigurationsJson = item.TryGetProperty("configurations", out var configurations) ? configurations.GetRawText() : null,
            Published = CveJson.Time(CveJson.Text(item, "publishedDate")),
        };
    }
}

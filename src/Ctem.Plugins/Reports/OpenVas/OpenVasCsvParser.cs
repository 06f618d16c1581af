using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.OpenVas;

/// <summary>
/// Reads OpenVAS / Greenbone CSV result exports (<c>IP,Hostname,Port,Port Protocol,CVSS,Severity,…,NVT OID,CVEs,…</c>).
/// Each row is a result on the endpoint (IP, port, protocol), else on the host; a row listing CVEs is one finding per
/// CVE (see <see cref="ReportHostFindings"/>), else one on the NVT (<c>openvas:OID</c>). Log rows are info findings.
/// </summary>
public sealed class OpenVasCsvParser : IReportParser
{
    public string Name => "openvas/csv";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        ReportCsv.Header(head) is { Count: > 0 } header && header[0] == "IP" && header.Contains("NVT OID") && header.Contains("Port Protocol");

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportCsv.ReadAsync(source, (header, rows) => Read(source.Path, header, rows), cancellationToken);
    }

    private ReportResult Read(string path, IReadOnlyList<string> header, IReadOnlyList<ReportCsvRow> rows)
    {
        if (!header.Contains("IP") || !header.Contains("NVT OID"))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an OpenVAS CSV report: the header needs IP and NVT OID columns", "row 1"));
        }

        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            var host = row.Get("IP", "Hostname");
            var rule = row.Get("NVT OID") ?? row.Get("NVT Name");
            if (host is null || rule is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a result has no IP or host name, or no NVT; skipped", row.Pointer));
                continue;
            }

            var severity = OpenVasThreat.Severity(row.Get("Severity"), row.Get("CVSS"), out var falsePositive);
            if (falsePositive)
            {
                continue;
            }

            var name = row.Get("NVT Name") ?? rule;
            var finding = new ReportedFinding(ReportHostFindings.AssetOf(host, row.Get("Port"), row.Get("Port Protocol")), [], "openvas:" + rule, name, severity, null)
            {
                Description = Description(row),
                ReportPointer = row.Pointer,
            };

            // Greenbone's CVE scan names each result after its CVE and leaves the CVEs column empty.
            findings.AddRange(ReportHostFindings.PerCve(finding, ReportHostFindings.CvesIn(row.Get("CVEs"), name.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase) ? name : null)));
        }

        var hosts = rows.Select(r => r.Get("IP")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var report = new ScannerReport(Name, "OpenVAS", null, hosts.Count == 1 ? hosts[0] : null, findings)
        {
            Assets = findings.Select(f => f.Asset).DistinctBy(a => a.Key, StringComparer.Ordinal).ToList(),
        };
        return ReportResult.Ok(report, diagnostics);
    }

    private static string? Description(ReportCsvRow row)
    {
        var parts = new[]
        {
            row.Get("Summary"),
            row.Get("Specific Result") is { } result ? "Result: " + result : null,
            row.Get("Solution") is { } solution ? "Solution: " + solution : null,
        }.OfType<string>().ToList();
        return parts.Count > 0 ? string.Join("\n\n", parts) : null;
    }
}

using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Nessus;

/// <summary>
/// Reads Tenable's CSV exports: Nessus, Nessus WAS, Tenable.sc and Tenable.io (see <see cref="NessusCsvColumns"/>).
/// Each row is a plugin result on the endpoint (IP, protocol, port), or on the host when the port is 0 or absent (a WAS
/// row, protocol http, on the URL its output names: <see cref="NessusWebApplication"/>); a
/// row listing CVEs is one finding per CVE (<see cref="ReportHostFindings"/>), else one on the plugin
/// (<c>nessus:ID</c>). Risk "None" is info; rows a vulnerability-management export marks FIXED are not findings.
/// </summary>
public sealed class NessusCsvParser : IReportParser
{
    public string Name => "nessus/csv";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        ReportCsv.Header(head) is { Count: > 0 } header
        && NessusCsvColumns.Plugin.Any(header.Contains) && NessusCsvColumns.Name.Any(header.Contains) && NessusCsvColumns.Host.Any(header.Contains);

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportCsv.ReadAsync(source, (header, rows) => Read(source.Path, header, rows), cancellationToken);
    }

    private ReportResult Read(string path, IReadOnlyList<string> header, IReadOnlyList<ReportCsvRow> rows)
    {
        if (!NessusCsvColumns.Plugin.Any(header.Contains) || !NessusCsvColumns.Host.Any(header.Contains))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Nessus CSV report: the header needs a plugin id (Plugin ID) and a host (Host, IP Address) column", "row 1"));
        }

        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            var plugin = row.Get(NessusCsvColumns.Plugin);
            var host = row.Get(NessusCsvColumns.Host);
            if (plugin is null || host is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a row has no plugin id or no host; skipped", row.Pointer));
                continue;
            }

            if (string.Equals(row.Get(NessusCsvColumns.State), "FIXED", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var protocol = row.Get(NessusCsvColumns.Protocol);
            var port = row.Get(NessusCsvColumns.Port);
            var asset = (NessusWebApplication.IsWebProtocol(protocol) ? NessusWebApplication.UrlOf(row.Get(NessusCsvColumns.Output), protocol!, host, port) : null)
                ?? ReportHostFindings.AssetOf(host, port, protocol);
            var finding = new ReportedFinding(asset, [], "nessus:" + plugin, row.Get(NessusCsvColumns.Name) ?? plugin, SeverityOf(row), null)
            {
                CvssVector = ReportCvss.Best(NessusCsvColumns.Vectors.Select(c => row.Get(c)?.Replace("CVSS2#", "", StringComparison.Ordinal))),
                Description = Description(row),
                ReportPointer = row.Pointer,
            };
            findings.AddRange(ReportHostFindings.PerCve(finding, ReportHostFindings.CvesIn(row.Get(NessusCsvColumns.Cve))));
        }

        var report = new ScannerReport(Name, "Nessus", null, null, findings)
        {
            Assets = findings.Select(f => f.Asset).DistinctBy(a => a.Key, StringComparer.Ordinal).ToList(),
        };
        return ReportResult.Ok(report, diagnostics);
    }

    private static string? SeverityOf(ReportCsvRow row) =>
        ReportSeverity.Normalize(row.Get(NessusCsvColumns.Severity)) ?? NessusCsvColumns.Scores.Select(c => ReportSeverity.FromCvssScore(row.Get(c))).FirstOrDefault(s => s is not null);

    private static string? Description(ReportCsvRow row)
    {
        var parts = new[]
        {
            row.Get(NessusCsvColumns.Synopsis) ?? row.Get(NessusCsvColumns.Description),
            row.Get(NessusCsvColumns.Output) is { } output ? "Output: " + output : null,
            row.Get(NessusCsvColumns.Solution) is { } solution ? "Solution: " + solution : null,
        }.OfType<string>().ToList();
        return parts.Count > 0 ? string.Join("\n\n", parts) : null;
    }
}

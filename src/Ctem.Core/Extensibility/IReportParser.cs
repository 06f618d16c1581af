using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>Result of reading one scanner report: the report (null when nothing usable was read) and diagnostics.</summary>
public sealed record ReportResult(ScannerReport? Report, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ReportResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);

    public static ReportResult Ok(ScannerReport report, IReadOnlyList<Diagnostic>? diagnostics = null) => new(report, diagnostics ?? []);
}

/// <summary>
/// Reads one third-party scanner report (Trivy, Grype, SARIF, Nmap, …) into findings. Never throws for bad input: a
/// malformed report is a failed result naming the file and the place.
/// </summary>
public interface IReportParser : IPlugin
{
    /// <summary>Cheap check on the file name and the first bytes of the content; detection must not claim other formats' files.</summary>
    bool CanParse(string path, ReadOnlySpan<byte> head);

    Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken);
}

using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Reads the <c>vulnerabilities</c> of a CycloneDX JSON BOM (1.4 and later: a VDR, or a VEX with analyses) as
/// findings; see <see cref="VdrMapping"/>. A BOM without that section is an SBOM and fails with a message saying so.
/// </summary>
public sealed class CycloneDxVdrJsonParser : IReportParser
{
    public string Name => "cyclonedx-vdr/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("\"bomFormat\""u8) >= 0
        && head.IndexOf("\"CycloneDX\""u8) >= 0;


    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.String(root, "bomFormat") != "CycloneDX")
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.NotCycloneDx, path, "not a CycloneDX BOM: expected an object with \"bomFormat\": \"CycloneDX\""));
        }

        if (ReportJson.ArrayElement(root, "vulnerabilities") is not { } vulnerabilities)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, VdrMapping.NoVulnerabilities));
        }

        return VdrMapping.Report(Name, path, VdrJsonDocument.Read(root, vulnerabilities), []);
    }
}

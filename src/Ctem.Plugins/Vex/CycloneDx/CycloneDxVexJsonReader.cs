using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Plugins.Reports;
using Ctem.Plugins.Reports.CycloneDxVdr;

namespace Ctem.Plugins.Vex.CycloneDx;

/// <summary>Reads the analyses of a CycloneDX JSON BOM (1.4 to 1.7) as VEX statements; see <see cref="CycloneDxVexStatements"/>.</summary>
public sealed class CycloneDxVexJsonReader : IVexReader
{
    public string Name => "cyclonedx-vex/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("\"bomFormat\""u8) >= 0
        && head.IndexOf("\"CycloneDX\""u8) >= 0;

    public VexReadResult Read(string path, ReadOnlySpan<byte> content) =>
        JsonInput.Read(path, content.ToArray(), ReportJson.Options, root => Read(path, root), VexReadResult.Failed);

    private static VexReadResult Read(string path, JsonElement root)
    {
        if (ReportJson.String(root, "bomFormat") != "CycloneDX")
        {
            return VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.NotCycloneDx, path, "not a CycloneDX BOM: expected an object with \"bomFormat\": \"CycloneDX\""));
        }

        if (CycloneDxVexStatements.VersionRefusal(path, ReportJson.String(root, "specVersion")) is { } refusal)
        {
            return VexReadResult.Failed(refusal);
        }

        if (ReportJson.ArrayElement(root, "vulnerabilities") is not { } vulnerabilities)
        {
            return VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, CycloneDxVexXmlReader.NoVulnerabilities));
        }

        return CycloneDxVexStatements.Read(path, VdrJsonDocument.Read(root, vulnerabilities));
    }
}

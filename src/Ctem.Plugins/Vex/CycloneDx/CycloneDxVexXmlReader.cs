using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Plugins.Reports;
using Ctem.Plugins.Reports.CycloneDxVdr;

namespace Ctem.Plugins.Vex.CycloneDx;

/// <summary>
/// Reads the analyses of a CycloneDX XML BOM (1.4 to 1.7) as VEX statements; see <see cref="CycloneDxVexStatements"/>.
/// The XML is loaded as every report is (<see cref="ReportXml"/>): no DTD, nothing external resolved.
/// </summary>
public sealed class CycloneDxVexXmlReader : IVexReader
{
    internal const string NoVulnerabilities = "not a VEX document: this CycloneDX BOM has no \"vulnerabilities\" section";

    public string Name => "cyclonedx-vex/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("cyclonedx.org/schema/bom"u8) >= 0;

    public VexReadResult Read(string path, ReadOnlySpan<byte> content)
    {
        var (document, error) = ReportXml.Load(path, content.ToArray());
        if (document?.Root is not { } root)
        {
            return VexReadResult.Failed(error!);
        }

        if (CycloneDxVdrXmlParser.Refusal(root) is { } refusal)
        {
            return VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.NotCycloneDx, path, refusal, ReportXml.LineOf(root)));
        }

        var bom = VdrXmlDocument.Read(root);
        if (CycloneDxVexStatements.VersionRefusal(path, bom.SpecVersion) is { } versionRefusal)
        {
            return VexReadResult.Failed(versionRefusal with { Location = ReportXml.LineOf(root) });
        }

        return VdrXmlDocument.HasVulnerabilities(root)
            ? CycloneDxVexStatements.Read(path, bom)
            : VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, NoVulnerabilities));
    }
}

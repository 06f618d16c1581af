using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Reads the vulnerabilities of a CycloneDX XML BOM as findings (see <see cref="VdrXmlDocument"/> for what is read and
/// <see cref="VdrMapping"/> for the findings). A BOM without vulnerabilities is an SBOM and fails with a message saying so.
/// </summary>
public sealed class CycloneDxVdrXmlParser : IReportParser
{
    public string Name => "cyclonedx-vdr/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("cyclonedx.org/schema/bom"u8) >= 0;

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportXml.ReadAsync(source, DiagnosticCodes.NotCycloneDx, Refusal, root => Read(source.Path, root), cancellationToken);
    }

    /// <summary>Why the root is not a CycloneDX BOM's, or null when it is.</summary>
    internal static string? Refusal(XElement root) =>
        root.Name.LocalName == "bom" && root.Name.NamespaceName.StartsWith("http://cyclonedx.org/schema/bom", StringComparison.Ordinal)
            ? null
            : $"not a CycloneDX BOM: expected a <bom> root in a http://cyclonedx.org/schema/bom namespace, found <{root.Name.LocalName}>";

    private ReportResult Read(string path, XElement root) =>
        VdrXmlDocument.HasVulnerabilities(root)
            ? VdrMapping.Report(Name, path, VdrXmlDocument.Read(root), [])
            : ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, VdrMapping.NoVulnerabilities));
}

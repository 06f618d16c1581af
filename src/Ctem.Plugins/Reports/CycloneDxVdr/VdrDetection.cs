namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Which CycloneDX files are vulnerability reports. Only the first 4096 bytes are seen, and vulnerabilities usually follow
/// the components, so a large VDR is recognised by its name (<c>*vdr*</c>, <c>*vex*</c>) when its head does not show the
/// section: a plain SBOM must be left to the inventory parsers.
/// </summary>
internal static class VdrDetection
{
    public static bool NameHintsVulnerabilities(string path)
    {
        var name = Path.GetFileName(path);
        return name.Contains("vdr", StringComparison.OrdinalIgnoreCase) || name.Contains("vex", StringComparison.OrdinalIgnoreCase);
    }
}

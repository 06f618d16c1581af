using System.Xml.Linq;

namespace Ctem.Plugins.Reports;

/// <summary>
/// Element lookups by local name, for report schemas whose namespace changes with each version (CycloneDX,
/// Dependency-Check): matching the full name would miss every version but one.
/// </summary>
internal static class ReportXmlLocalNames
{
    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    /// <summary>The child's trimmed text; null when it is missing or blank.</summary>
    public static string? Text(XElement? parent, string localName) =>
        Child(parent, localName)?.Value.Trim() is { Length: > 0 } text ? text : null;
}

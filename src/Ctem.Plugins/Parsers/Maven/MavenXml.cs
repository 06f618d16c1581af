using System.Xml;
using System.Xml.Linq;
using Ctem.Core.Diagnostics;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>Loads POMs without ever processing a DTD (no entity expansion, no external fetches); Maven names are case-sensitive.</summary>
internal static class MavenXml
{
    public static (XDocument? Document, Diagnostic? Error) Load(string path, Stream content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(content, settings);
        try
        {
            return (XDocument.Load(reader, LoadOptions.SetLineInfo), null);
        }
        catch (XmlException ex)
        {
            // The DTD refusal gives no position, and none is made up.
            var location = ex.LineNumber > 0 ? $"{ex.LineNumber}:{ex.LinePosition}" : null;
            if (ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                return (null, Diagnostic.Error(DiagnosticCodes.InvalidJson, path, "refused: the XML declares a DTD (<!DOCTYPE>); DTDs and entities are never processed, so the file is not read", location));
            }

            // XmlException appends " Line n, position m."; the location already says that.
            var cut = ex.Message.LastIndexOf(" Line ", StringComparison.Ordinal);
            return (null, Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid XML: {(cut > 0 ? ex.Message[..cut] : ex.Message).TrimEnd('.', ' ')}", location));
        }
    }

    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    public static string? Text(XElement? parent, string name) =>
        Child(parent, name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    public static string Line(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}" : "line 0";
}

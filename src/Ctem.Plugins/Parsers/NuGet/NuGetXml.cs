using System.Xml;
using System.Xml.Linq;
using Ctem.Core.Diagnostics;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Loads the XML files of NuGet and MSBuild without ever processing a DTD (no entity expansion, no external fetches),
/// and looks names up without case, as MSBuild does.
/// </summary>
internal static class NuGetXml
{
    public static async Task<(XDocument? Document, Diagnostic? Error)> LoadAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(content, Settings(async: true));
        try
        {
            return (await XDocument.LoadAsync(reader, LoadOptions.SetLineInfo, cancellationToken), null);
        }
        catch (XmlException ex)
        {
            return (null, ErrorOf(path, ex));
        }
    }

    /// <summary>Loads a related file already read into memory (a Directory.Packages.props).</summary>
    public static (XDocument? Document, Diagnostic? Error) Load(string path, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var reader = XmlReader.Create(stream, Settings(async: false));
        try
        {
            return (XDocument.Load(reader, LoadOptions.SetLineInfo), null);
        }
        catch (XmlException ex)
        {
            return (null, ErrorOf(path, ex));
        }
    }

    private static XmlReaderSettings Settings(bool async) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = async,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The error for a load that failed; the DTD refusal gives no position, and none is made up.</summary>
    private static Diagnostic ErrorOf(string path, XmlException exception)
    {
        var location = exception.LineNumber > 0 ? $"{exception.LineNumber}:{exception.LinePosition}" : null;
        if (exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return Diagnostic.Error(DiagnosticCodes.InvalidJson, path, "refused: the XML declares a DTD (<!DOCTYPE>); DTDs and entities are never processed, so the file is not read", location);
        }

        // XmlException appends " Line n, position m."; the location already says that.
        var message = exception.Message;
        var cut = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid XML: {(cut > 0 ? message[..cut] : message).TrimEnd('.', ' ')}", location);
    }

    public static IEnumerable<XElement> Children(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<XElement> Descendants(XElement parent, string name) =>
        parent.Descendants().Where(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An attribute, else a child element of that name (MSBuild metadata may be written either way).</summary>
    public static string? Metadata(XElement element, string name)
    {
        var attribute = element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (attribute is not null)
        {
            return attribute.Value.Trim();
        }

        return Children(element, name).FirstOrDefault()?.Value.Trim();
    }

    public static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Trim();

    public static string Line(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}" : "line 0";
}

using System.Xml;
using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Reports;

/// <summary>
/// The one way XML report parsers load their input: DTDs are prohibited and nothing external is ever resolved, so
/// entity expansion and external-entity reads (XXE) cannot happen; a refused or malformed document is a diagnostic.
/// </summary>
internal static class ReportXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The document, or the diagnostic that says why it was not loaded.</summary>
    public static async Task<(XDocument? Document, Diagnostic? Error)> LoadAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        return Load(source.Path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>The same for content already in memory (the VEX readers get it as bytes).</summary>
    public static (XDocument? Document, Diagnostic? Error) Load(string path, ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return (XDocument.Load(reader, LoadOptions.SetLineInfo), null);
        }
        catch (XmlException ex)
        {
            var doctype = content.Span.IndexOf("<!DOCTYPE"u8);
            if (doctype >= 0)
            {
                // The reader stops at the DOCTYPE without saying where it is.
                return (null, Diagnostic.Error(
                    DiagnosticCodes.UnsupportedFormat,
                    path,
                    "refused: the document has a DOCTYPE (DTD or entity declarations); Ctem never processes them, since they can read local files or expand without bound",
                    LineColumnOf(content.Span, doctype)));
            }

            var location = ex.LineNumber > 0 ? FormattableString.Invariant($"{ex.LineNumber}:{ex.LinePosition}") : null;
            return (null, Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid XML: {ex.Message}", location));
        }
    }

    /// <summary>
    /// Loads the input and hands the root to <paramref name="read"/> when it is the format's: formats told apart by the
    /// root's local name alone.
    /// </summary>
    public static Task<ReportResult> ReadAsync(InputSource source, string rootName, string format, Func<XElement, ReportResult> read, CancellationToken cancellationToken) =>
        ReadAsync(
            source,
            DiagnosticCodes.UnsupportedFormat,
            root => root.Name.LocalName == rootName ? null : $"not {format}: the root element is <{root.Name.LocalName}>, expected <{rootName}>",
            read,
            cancellationToken);

    /// <summary>
    /// Loads the input and hands the root to <paramref name="read"/>, unless <paramref name="refusal"/> says why the root
    /// is not the format's: then that is the error, with <paramref name="refusalCode"/>, placed at the root.
    /// </summary>
    public static async Task<ReportResult> ReadAsync(InputSource source, string refusalCode, Func<XElement, string?> refusal, Func<XElement, ReportResult> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(read);
        var (document, error) = await LoadAsync(source, cancellationToken);
        if (document?.Root is not { } root)
        {
            return ReportResult.Failed(error!);
        }

        return refusal(root) is { } message
            ? ReportResult.Failed(Diagnostic.Error(refusalCode, source.Path, message, LineOf(root)))
            : read(root);
    }

    /// <summary>"line:column" of an element as loaded (line info is kept), or null.</summary>
    public static string? LineOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? FormattableString.Invariant($"{info.LineNumber}:{info.LinePosition}") : null;

    private static string LineColumnOf(ReadOnlySpan<byte> content, int offset)
    {
        var before = content[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return FormattableString.Invariant($"{line}:{column}");
    }
}

using System.Text;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Tests.Reports;

namespace Ctem.Plugins.Tests.Vex;

/// <summary>What the VEX tests do: detect and read shared samples or inline documents, and write exports.</summary>
internal static class VexHarness
{
    /// <summary>The reader <c>ctem vex import</c> would pick: the first that claims the file's name and first 4 KiB.</summary>
    public static IVexReader? Detect(string path, byte[] content) =>
        BuiltInPlugins.VexReaders.FirstOrDefault(r => r.CanParse(path, content.AsSpan(0, Math.Min(4096, content.Length))));

    /// <summary>Detects and reads a sample under <c>../shared/data/scanners/</c>; the reader is null when none claims it.</summary>
    public static (IVexReader? Reader, VexReadResult? Result) ReadShared(string folder, string file)
    {
        var path = ReportParserHarness.SharedScanner(folder, file);
        var content = File.ReadAllBytes(path);
        var reader = Detect(path, content);
        return (reader, reader?.Read(path, content));
    }

    public static VexReadResult ReadText(IVexReader reader, string name, string text) => reader.Read(name, Encoding.UTF8.GetBytes(text));

    public static IVexWriter Writer(string format) => BuiltInPlugins.VexWriters.Single(w => w.Format == format);

    public static string Write(IVexWriter writer, VexExport export)
    {
        using var buffer = new MemoryStream();
        writer.Write(export, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The reader for what a writer of <paramref name="format"/> writes.</summary>
    public static IVexReader ReaderFor(string format) => format switch
    {
        "openvex" => new Plugins.Vex.OpenVex.OpenVexReader(),
        "cyclonedx" => new Plugins.Vex.CycloneDx.CycloneDxVexJsonReader(),
        "csaf" => new Plugins.Vex.Csaf.CsafVexReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>File names as <c>ctem vex export --output</c> would suggest them, so detection sees what a user's file looks like.</summary>
    public static string FileName(string format) => format switch
    {
        "openvex" => "shop.openvex.json",
        "cyclonedx" => "shop.cdx.json",
        _ => "shop.csaf.json",
    };
}

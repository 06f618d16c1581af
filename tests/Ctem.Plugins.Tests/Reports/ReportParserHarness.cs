using System.IO.Compression;
using System.Text;
using Ctem.Core.Extensibility;
using Ctem.Testing;

namespace Ctem.Plugins.Tests.Reports;

/// <summary>What every report parser's tests do: parse bytes, test data or inline JSON, and look at the shared scanner outputs.</summary>
internal static class ReportParserHarness
{
    private const int HeadLength = 4096;

    public static async Task<ReportResult> ParseAsync(this IReportParser parser, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await parser.ParseAsync(new InputSource(name, stream), CancellationToken.None);
    }

    /// <summary>Parses inline text; <paramref name="name"/> is the path diagnostics carry.</summary>
    public static Task<ReportResult> ParseTextAsync(this IReportParser parser, string name, string text) =>
        parser.ParseAsync(name, Encoding.UTF8.GetBytes(text));

    public static Task<ReportResult> ParseJsonAsync(this IReportParser parser, string json) =>
        parser.ParseTextAsync("report.json", json);

    /// <summary>Parses a file named by its own path, as <c>ctem ingest</c> names it.</summary>
    public static async Task<ReportResult> ParseFileAsync(this IReportParser parser, string path) =>
        await parser.ParseAsync(path, await File.ReadAllBytesAsync(path));

    /// <summary>Parses <c>Reports/&lt;folder&gt;/testdata/&lt;file&gt;</c>.</summary>
    public static async Task<ReportResult> ParseTestDataAsync(this IReportParser parser, string folder, string file) =>
        await parser.ParseAsync(file, await File.ReadAllBytesAsync(TestDataPath(folder, file)));

    /// <summary>Parses a shared scanner output, e.g. <c>ParseSharedAsync("nmap", "x.xml")</c> for <c>scanners/nmap/x.xml</c>.</summary>
    public static Task<ReportResult> ParseSharedAsync(this IReportParser parser, params string[] pathUnderScanners) =>
        parser.ParseFileAsync(SharedScanner(pathUnderScanners));

    /// <summary>Whether the parser claims the content, shown its first 4 KiB as the input readers do.</summary>
    public static bool Claims(this IReportParser parser, string name, byte[] content) =>
        parser.CanParse(name, Head(content));

    /// <summary>Whether the parser claims the file, asked under its own path.</summary>
    public static bool ClaimsFile(this IReportParser parser, string path) => parser.Claims(path, File.ReadAllBytes(path));

    /// <summary>Whether the parser claims a sample under <c>../shared/data/scanners/</c>; skips the test when the shared data is absent.</summary>
    public static bool ClaimsSharedSample(this IReportParser parser, string pathUnderScanners)
    {
        RepoPaths.RequireShared();
        return parser.ClaimsFile(SharedScanner(pathUnderScanners));
    }

    /// <summary>The first 4 KiB of the file: what the input readers show <see cref="IReportParser.CanParse"/>.</summary>
    public static byte[] Head(string path) => Head(File.ReadAllBytes(path)).ToArray();

    private static ReadOnlySpan<byte> Head(byte[] content) => content.AsSpan(0, Math.Min(HeadLength, content.Length));

    public static string TestDataPath(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "Reports", folder, "testdata", file);

    public static string SharedScanners => RepoPaths.SharedData("scanners");

    /// <summary>A path under the shared <c>scanners/</c> folder.</summary>
    public static string SharedScanner(params string[] pathUnderScanners) => Path.Combine([SharedScanners, .. pathUnderScanners]);

    /// <summary>The entries of DefectDojo's unit-test scans archive (1,385 reports of 250 tools) whose name starts with <paramref name="prefix"/>.</summary>
    public static IEnumerable<(string Name, byte[] Content)> SharedArchiveEntries(string prefix = "")
    {
        using var archive = ZipFile.OpenRead(Path.Combine(SharedScanners, "defectdojo-unittests-scans.zip"));
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (entry.FullName, buffer.ToArray());
        }
    }

    /// <summary>One entry of the scans archive, e.g. <c>npm_audit/one_vuln.json</c>.</summary>
    public static byte[] SharedArchiveEntry(string name) => SharedArchiveEntries(name).Single(e => e.Name == name).Content;

    /// <summary>The loose shared outputs of every tool but <paramref name="tool"/>: what its parser must not claim.</summary>
    public static List<string> SharedFilesOfOtherTools(string tool) =>
        Directory.EnumerateDirectories(SharedScanners)
            .Where(d => Path.GetFileName(d) != tool)
            .SelectMany(Directory.EnumerateFiles)
            .Where(f => !f.EndsWith(".zip", StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// Every shared scanner output the parser claims: loose files by their path under <c>scanners/</c>, archive entries
    /// as <c>zip:&lt;entry&gt;</c>, sorted.
    /// </summary>
    public static List<string> SharedOutputsClaimedBy(IReportParser parser)
    {
        var loose = Directory.GetFiles(SharedScanners, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".zip", StringComparison.Ordinal))
            .Where(f => parser.Claims(f, File.ReadAllBytes(f)))
            .Select(f => Path.GetRelativePath(SharedScanners, f));
        var archived = SharedArchiveEntries().Where(e => parser.Claims(e.Name, e.Content)).Select(e => "zip:" + e.Name);
        return loose.Concat(archived).Order(StringComparer.Ordinal).ToList();
    }
}

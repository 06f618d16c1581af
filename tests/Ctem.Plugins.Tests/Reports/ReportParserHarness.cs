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

    public static Task<ReportResult> ParseJsonAsync(this IReportParser parser, string json) =>
        parser.ParseAsync("report.json", Encoding.UTF8.GetBytes(json));

    /// <summary>Parses <c>Reports/&lt;folder&gt;/testdata/&lt;file&gt;</c>.</summary>
    public static async Task<ReportResult> ParseTestDataAsync(this IReportParser parser, string folder, string file) =>
        await parser.ParseAsync(file, await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Reports", folder, "testdata", file)));

    /// <summary>Whether the parser claims the content, shown its first 4 KiB as the input readers do.</summary>
    public static bool Claims(this IReportParser parser, string name, byte[] content) =>
        parser.CanParse(name, content.AsSpan(0, Math.Min(HeadLength, content.Length)));

    public static string SharedScanners => RepoPaths.SharedData("scanners");

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

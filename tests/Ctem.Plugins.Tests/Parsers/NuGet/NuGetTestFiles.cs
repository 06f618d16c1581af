using System.Text;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Tests.Parsers.NuGet;

internal static class NuGetTestFiles
{
    public static string TestData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Parsers", "NuGet", "testdata", .. parts]);

    public static async Task<InventoryResult> ParseFile(IInventoryParser parser, string path, Func<string, byte[]?>? related = null)
    {
        await using var stream = File.OpenRead(path);
        return await parser.ParseAsync(new InputSource(path, stream) { Related = related }, CancellationToken.None);
    }

    public static async Task<InventoryResult> ParseText(IInventoryParser parser, string path, string text, Func<string, byte[]?>? related = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await parser.ParseAsync(new InputSource(path, stream) { Related = related }, CancellationToken.None);
    }

    /// <summary>What the scan would hand a parser: files that exist, read from disk.</summary>
    public static byte[]? FromDisk(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
}

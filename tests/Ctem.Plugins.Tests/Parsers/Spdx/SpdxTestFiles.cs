using System.IO.Compression;
using Ctem.Core.Extensibility;
using Ctem.Testing;

namespace Ctem.Plugins.Tests.Parsers.Spdx;

/// <summary>Opens the SPDX test files: this folder's testdata and entries of the shared SBOM archives.</summary>
internal static class SpdxTestFiles
{
    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Spdx", "testdata", file);

    public static async Task<InventoryResult> ParseFile(IInventoryParser parser, string path)
    {
        await using var stream = File.OpenRead(path);
        return await parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }

    /// <summary>The whole entry, so a test can give the parser the same 4 KiB head discovery would.</summary>
    public static async Task<byte[]> ReadShared(string zip, string entry)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", zip));
        await using var content = archive.GetEntry(entry)!.Open();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static ReadOnlySpan<byte> Head(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 4096));

    public static async Task<InventoryResult> Parse(IInventoryParser parser, string path, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }
}

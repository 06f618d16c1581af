using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Xunit;

namespace Ctem.Testing;

/// <summary>The checks every inventory parser's tests make: failures name code and place, shared SBOMs parse.</summary>
public static class InventoryAssert
{
    /// <summary>Nothing was read, and exactly one error names <paramref name="code"/>, the place and the file.</summary>
    public static void FailedWith(InventoryResult result, string file, string code, string? location)
    {
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(location, error.Location);
        Assert.EndsWith(file, error.Path, StringComparison.Ordinal);
    }

    /// <summary>Nothing was read, and the one diagnostic is an error with that code, message text and place.</summary>
    public static Diagnostic FailedWithMessage(InventoryResult result, string code, string message, string? location)
    {
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(location, error.Location);
        return error;
    }

    /// <summary>Parses one entry of a zip under <c>../shared/data/sbom</c> (skips visibly without ../shared).</summary>
    public static async Task<InventoryResult> ParseSharedSbomAsync(IInventoryParser parser, string zip, string entry)
    {
        RepoPaths.RequireShared();
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", zip));
        await using var content = archive.GetEntry(entry)!.Open();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        return await parser.ParseAsync(new InputSource(entry, buffer), CancellationToken.None);
    }
}

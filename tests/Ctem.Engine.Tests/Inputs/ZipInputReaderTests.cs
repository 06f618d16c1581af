using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Engine.Inputs;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Inputs;

public sealed class ZipInputReaderTests
{
    private static readonly InputLimits SmallLimits = new(MaxDocumentBytes: 64 * 1024, MaxTotalBytes: 1 << 20, MaxArchiveEntries: 10, MaxCompressionRatio: 200);

    [Fact]
    public void Read_PlainEntries_YieldsEachDocument()
    {
        using var temp = new TempDirectory();
        var zip = MakeZip(temp, ("a.json", "{}"u8.ToArray()), ("dir/b.json", "{\"x\":1}"u8.ToArray()));
        var items = ZipInputReader.Read(zip, SmallLimits, _ => true).ToList();
        Assert.Equal([$"{zip}!a.json", $"{zip}!dir/b.json"], items.Select(i => i.Path));
        Assert.All(items, i => Assert.Null(i.Error));
    }

    [Theory]
    [InlineData("../escape.json")]
    [InlineData("a/../../escape.json")]
    [InlineData("/etc/passwd.json")]
    [InlineData("C:/evil.json")]
    public void Read_TraversalEntry_IsRefusedOthersStillRead(string name)
    {
        using var temp = new TempDirectory();
        var zip = MakeZip(temp, (name, "{}"u8.ToArray()), ("good.json", "{}"u8.ToArray()));
        var items = ZipInputReader.Read(zip, SmallLimits, _ => true).ToList();
        var refused = Assert.Single(items, i => i.Error is not null);
        Assert.Equal(DiagnosticCodes.UnsafeArchive, refused.Error!.Code);
        Assert.False(refused.Fatal);
        Assert.Single(items, i => i.Path.EndsWith("!good.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EntryOverSizeLimit_IsRefused()
    {
        using var temp = new TempDirectory();
        var zip = MakeZip(temp, ("bomb.json", new byte[SmallLimits.MaxDocumentBytes * 4]));
        var item = Assert.Single(ZipInputReader.Read(zip, SmallLimits, _ => true));
        Assert.Equal(DiagnosticCodes.UnsafeArchive, item.Error?.Code);
        Assert.Null(item.Content);
    }

    [Fact]
    public void Read_TooManyEntries_StopsFatally()
    {
        using var temp = new TempDirectory();
        var entries = Enumerable.Range(0, 12).Select(i => ($"{i}.json", "{}"u8.ToArray())).ToArray();
        var items = ZipInputReader.Read(MakeZip(temp, entries), SmallLimits, _ => true).ToList();
        Assert.True(items[^1].Fatal);
        Assert.Equal(DiagnosticCodes.UnsafeArchive, items[^1].Error?.Code);
    }

    [Fact]
    public void Read_NotAZip_IsOneFatalDiagnostic()
    {
        using var temp = new TempDirectory();
        var path = temp.File("broken.zip");
        File.WriteAllText(path, "this is not a zip");
        var item = Assert.Single(ZipInputReader.Read(path, SmallLimits, _ => true));
        Assert.True(item.Fatal);
        Assert.Equal(path, item.Error?.Path);
    }

    private static string MakeZip(TempDirectory temp, params (string Name, byte[] Content)[] entries)
    {
        var path = temp.File($"{Guid.NewGuid():N}.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }

        return path;
    }
}

using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Engine.Inputs;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Inputs;

public sealed class InputReaderTests
{
    [Fact]
    public void Read_GzipFile_IsDecompressed()
    {
        using var temp = new TempDirectory();
        var path = Gzip(temp, "scores.csv.gz", "cve,epss,percentile\n"u8.ToArray());
        var item = Assert.Single(new InputReader(InputLimits.Default).Read(path, _ => true));
        Assert.Equal("cve,epss,percentile\n"u8.ToArray(), item.Content);
    }

    [Fact]
    public void Read_GzipBomb_IsRefused()
    {
        using var temp = new TempDirectory();
        var limits = InputLimits.Default with { MaxDocumentBytes = 1 << 20 };
        var path = Gzip(temp, "bomb.csv.gz", new byte[8 << 20]);
        Assert.True(new FileInfo(path).Length < 64 * 1024);

        var item = Assert.Single(new InputReader(limits).Read(path, _ => true));

        Assert.Equal(DiagnosticCodes.UnsafeArchive, item.Error?.Code);
        Assert.Null(item.Content);
    }

    [Fact]
    public void Read_NotGzip_GivesDiagnostic()
    {
        using var temp = new TempDirectory();
        var path = temp.File("fake.csv.gz");
        File.WriteAllText(path, "plain text");
        var item = Assert.Single(new InputReader(InputLimits.Default).Read(path, _ => true));
        Assert.Equal(DiagnosticCodes.UnreadableFile, item.Error?.Code);
    }

    private static string Gzip(TempDirectory temp, string name, byte[] content)
    {
        var path = temp.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        gzip.Write(content);
        return path;
    }
}

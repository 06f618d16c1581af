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

    /// <summary>Paths that are not regular files: made by the test (FIFOs, also where a name promises a zip or JSON) or devices.</summary>
    public static TheoryData<string, string, string> NotRegularFiles => new()
    {
        { "fifo", "input.json", "FIFO" },
        { "fifo", "all.zip", "FIFO" },
        { "device", "/dev/null", "character device" },
        { "device", "/dev/zero", "character device" },
    };

    // A FIFO read as an empty file came back as "invalid JSON"; opening it would have blocked.
    [SkippableTheory]
    [MemberData(nameof(NotRegularFiles))]
    public async Task Read_NotARegularFile_SaysSoWithoutOpeningIt(string how, string name, string kind)
    {
        Prerequisite.Require(OperatingSystem.IsLinux() ? null : "FIFOs and devices are told apart on Linux only");
        using var temp = new TempDirectory();
        var path = how == "device" ? name : temp.Fifo(name);

        var items = await WithoutBlocking(() => new InputReader(InputLimits.Default).Read(path, _ => true).ToList());

        var error = Assert.Single(items).Error;
        Assert.Equal((DiagnosticCodes.UnreadableFile, path, $"not a regular file (a {kind}); not read"), (error?.Code, error?.Path, error?.Message));
    }

    // In a tree, a FIFO named like a lockfile or an archive is no document: skipped (as links are), never an error.
    [SkippableFact]
    public async Task Read_DirectoryWithFifos_SkipsThem()
    {
        Prerequisite.Require(OperatingSystem.IsLinux() ? null : "FIFOs are told apart on Linux only");
        using var temp = new TempDirectory();
        temp.Fifo("app/package-lock.json");
        temp.Fifo("app/vendor.zip");
        File.WriteAllText(temp.File("app/requirements.txt"), "flask==2.0.0\n");

        var items = await WithoutBlocking(() => new InputReader(InputLimits.Default).Read(temp.Path, _ => true).ToList());

        Assert.Equal([(temp.File("app/requirements.txt"), (Diagnostic?)null)], items.Select(i => (i.Path, i.Error)));
    }

    [SkippableFact]
    public async Task ReadRelated_Fifo_IsNull()
    {
        Prerequisite.Require(OperatingSystem.IsLinux() ? null : "FIFOs are told apart on Linux only");
        using var temp = new TempDirectory();
        var fifo = temp.Fifo("pom.xml");
        Assert.Null(await WithoutBlocking(() => new InputReader(InputLimits.Default).ReadRelated(fifo)));
    }

    // A regression would block on the FIFO: fail after a while instead of hanging the test run.
    private static Task<T> WithoutBlocking<T>(Func<T> read) => Task.Run(read).WaitAsync(TimeSpan.FromSeconds(30));

    private static string Gzip(TempDirectory temp, string name, byte[] content)
    {
        var path = temp.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        gzip.Write(content);
        return path;
    }
}

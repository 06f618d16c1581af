using System.IO.Compression;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class ErrorTests
{
    public static TheoryData<string[], int, string> UsageErrors => new()
    {
        { ["scan"], ExitCodes.Usage, "Required argument missing" },
        { ["scan", "x.json", "--format", "xml"], ExitCodes.Usage, "xml" },
        { ["frobnicate"], ExitCodes.Usage, "frobnicate" },
        { ["db", "import"], ExitCodes.Usage, "Required argument missing" },
        { ["findings", "--product"], ExitCodes.Usage, "--product" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Run_UsageError_ExitsTwoWithMessage(string[] args, int exit, string message)
    {
        var result = await CliRun.RunAsync(args);
        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Try 'ctem --help'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_MissingFile_ExitsThreeNamingIt()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync("scan", "/no/such/sbom.json");
        AssertClean(result, ExitCodes.BadInput, "/no/such/sbom.json: no such file or directory");
    }

    [Fact]
    public async Task Scan_BrokenJson_ExitsThreeWithLineAndColumn()
    {
        using var fixture = new CliFixture();
        var sbom = fixture.File("bad.cdx.json", "{\n  \"bomFormat\": \"CycloneDX\",\n  \"components\": [\n    {\"name\": \"a\"}\n    {\"name\": \"b\"}\n  ]\n}\n");
        var result = await fixture.RunAsync("scan", sbom);
        AssertClean(result, ExitCodes.BadInput, $"{sbom}:5:5: invalid JSON");
    }

    [Fact]
    public async Task Scan_NoComponents_ExitsThree()
    {
        using var fixture = new CliFixture();
        var sbom = fixture.File("empty.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": []}");
        var result = await fixture.RunAsync("scan", sbom);
        AssertClean(result, ExitCodes.BadInput, $"{sbom}:/components: the SBOM lists no components");
    }

    [Fact]
    public async Task Scan_NotAnSbom_ExitsThreeNamingFormats()
    {
        using var fixture = new CliFixture();
        var file = fixture.File("notes.txt", "hello");
        var result = await fixture.RunAsync("scan", file);
        AssertClean(result, ExitCodes.BadInput, "not a format Ctem reads (supported: cyclonedx/json, cyclonedx/xml");
    }

    [Fact]
    public async Task DbImport_ZipEntryNotOsv_ExitsFiveNamingEntry()
    {
        using var fixture = new CliFixture();
        var zip = Path.Combine(fixture.Directory, "all.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("notes.json").Open()))
            {
                writer.Write("{\"hello\": \"world\"}");
            }

            using (var writer = new StreamWriter(archive.CreateEntry("GO-2099-0001.json").Open()))
            {
                writer.Write("{\"id\": \"GO-2099-0001\", \"modified\": \"2024-01-01T00:00:00Z\"}");
            }
        }

        var result = await fixture.RunAsync("db", "import", zip);
        AssertClean(result, ExitCodes.Partial, $"{zip}!notes.json: not an OSV record: 'id' is missing");
        Assert.Contains("1 imported", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 rejected", result.Stdout, StringComparison.Ordinal);
    }

    // It exited 5 ("partial: work stored") although nothing was stored.
    [Fact]
    public async Task DbImport_EveryInputRejected_ExitsThree()
    {
        using var fixture = new CliFixture();
        var notOsv = fixture.File("notes.json", "{\"hello\": \"world\"}");
        var broken = fixture.File("broken.json", "{\"id\": ");

        var result = await fixture.RunAsync("db", "import", notOsv, broken);

        AssertClean(result, ExitCodes.BadInput, "the knowledge base is unchanged");
        Assert.Contains($"{notOsv}: not an OSV record: 'id' is missing", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{broken}:1:8: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task DbImport_MissingPath_ExitsThreeAndSaysNothingChanged()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories, "/no/such/dir");
        AssertClean(result, ExitCodes.BadInput, "the knowledge base is unchanged");
        var status = await fixture.RunAsync("db", "status");
        Assert.Contains("The knowledge base is empty", status.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Every command that reads inputs, with the FIFO as its input ("{fifo}"), and the error line it prints.</summary>
    public static TheoryData<string[], string> FifoInputs => new()
    {
        { ["scan", "{fifo}"], "error: {fifo}: not a regular file (a FIFO); not read" },
        { ["sbom", "{fifo}", "--format", "cyclonedx-json"], "error: {fifo}: not a regular file (a FIFO); not read" },
        { ["ingest", "{fifo}"], "error: {fifo}: not a regular file (a FIFO); not read" },
        { ["db", "import", "{fifo}"], "error: {fifo}: not a regular file (a FIFO); not read" },
        { ["scan", CliFixture.DemoSbom, "--scope", "{fifo}"], "ctem: cannot read the scope file {fifo}: not a regular file (a FIFO); not read" },
    };

    // A FIFO was read as an empty file and reported as invalid JSON.
    [SkippableTheory]
    [MemberData(nameof(FifoInputs))]
    public async Task AnyInput_Fifo_ExitsThreeSayingItIsNotARegularFile(string[] args, string message)
    {
        Prerequisite.Require(OperatingSystem.IsLinux() ? null : "FIFOs are told apart on Linux only");
        using var fixture = new CliFixture();
        using var temp = new TempDirectory();
        var fifo = temp.Fifo("input.json");

        var result = await fixture.RunAsync([.. args.Select(a => a.Replace("{fifo}", fifo, StringComparison.Ordinal))]).WaitAsync(TimeSpan.FromSeconds(60));

        AssertClean(result, ExitCodes.BadInput, message.Replace("{fifo}", fifo, StringComparison.Ordinal));
        Assert.DoesNotContain("invalid JSON", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_UnknownProduct_ExitsTwo()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync("findings", "--product", "nope");
        AssertClean(result, ExitCodes.Usage, "no product named 'nope'");
    }

    [Theory]
    [InlineData("/proc/no-such-dir/ctem.db")]
    [InlineData("Host=127.0.0.1;Port=1;Username=ctem;Password=s3cret;Timeout=2")]
    public async Task AnyCommand_DatabaseUnreachable_ExitsFourWithoutSecrets(string database)
    {
        var result = await CliRun.RunAsync("db", "status", "--db", database);
        AssertClean(result, ExitCodes.DatabaseError, "database error");
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertClean(CliResult result, int exit, string message)
    {
        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}

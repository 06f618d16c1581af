using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Engine.Knowledge;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Knowledge;

public sealed class KnowledgeImporterTests
{
    private const string Record = """
        {"id": "GO-2099-0001", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2099-0001"],
         "affected": [{"package": {"ecosystem": "Go", "name": "example.com/lib"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.0"}]}]}]}
        """;

    [Fact]
    public async Task Import_DemoZipTwice_SecondTimeChangesNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();

        var first = await fixture.ImportAsync(fixture.DemoAdvisories);
        var second = await fixture.ImportAsync(fixture.DemoAdvisories);

        Assert.Equal((OperationStatus.Succeeded, 154, 154, 0), (first.Status, first.Read, first.Imported, first.Unchanged));
        Assert.Equal((OperationStatus.Succeeded, 0, 0, 154), (second.Status, second.Imported, second.Updated, second.Unchanged));
        var status = Assert.Single(await fixture.Store.GetKnowledgeStatusAsync(CancellationToken.None));
        Assert.Equal(("GO", "Go", 154), (status.Source, status.Ecosystem, status.Advisories));
    }

    [Fact]
    public async Task Import_NewerModified_ReplacesOlderIgnored()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("a.json", Record));

        var newer = await fixture.ImportAsync(fixture.File("b.json", Record.Replace("2024-01-01", "2025-01-01", StringComparison.Ordinal).Replace("1.2.0", "1.3.0", StringComparison.Ordinal)));
        var older = await fixture.ImportAsync(fixture.File("c.json", Record.Replace("2024-01-01", "2023-01-01", StringComparison.Ordinal)));

        Assert.Equal(1, newer.Updated);
        Assert.Equal(1, older.Older);
        var candidates = await fixture.Store.FindAdvisoriesAsync([new PackageKey("Go", "example.com/lib")], CancellationToken.None);
        Assert.Equal(["1.3.0"], Assert.Single(candidates[new PackageKey("Go", "example.com/lib")]).Affected.FixedVersions);
    }

    // Go vulndb's repository data carries the placeholder "modified": "0001-01-01T00:00:00Z" on every record.
    [Fact]
    public async Task Import_SameModifiedOtherContent_Updates()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("a.json", Record));

        var report = await fixture.ImportAsync(fixture.File("b.json", Record.Replace("1.2.0", "1.2.1", StringComparison.Ordinal)));

        Assert.Equal((0, 1, 0), (report.Unchanged, report.Updated, report.Older));
    }

    [Fact]
    public async Task Import_WithdrawnLater_StopsMatching()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("a.json", Record));
        var withdrawn = Record.Replace("2024-01-01T00:00:00Z\"", "2024-02-01T00:00:00Z\", \"withdrawn\": \"2024-02-01T00:00:00Z\"", StringComparison.Ordinal);

        var report = await fixture.ImportAsync(fixture.File("b.json", withdrawn));

        Assert.Equal((1, 1), (report.Updated, report.Withdrawn));
        var candidates = await fixture.Store.FindAdvisoriesAsync([new PackageKey("Go", "example.com/lib")], CancellationToken.None);
        Assert.Empty(candidates.GetValueOrDefault(new PackageKey("Go", "example.com/lib")) ?? []);
    }

    [Fact]
    public async Task Import_ZipWithNonOsvEntry_ImportsRestAndNamesTheEntry()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var zip = fixture.Zip("all.zip", ("GO-2099-0001.json", Record), ("README.json", "[1, 2, 3]"), ("broken.json", "{\"id\": "));

        var report = await fixture.ImportAsync(zip);

        Assert.Equal(OperationStatus.Partial, report.Status);
        Assert.Equal(1, report.Imported);
        Assert.Equal([$"{zip}!README.json", $"{zip}!broken.json"], report.Rejected.Select(r => r.Path));
        Assert.Equal("1:8", report.Rejected[1].Location);
    }

    [Fact]
    public async Task Import_CorruptZipAfterGoodFile_StoresNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var good = fixture.File("good.json", Record);
        var corrupt = fixture.File("corrupt.zip", "PK\u0003\u0004 this is not really a zip");

        var report = await fixture.ImportAsync(good, corrupt);

        Assert.Equal(OperationStatus.Failed, report.Status);
        Assert.Equal(DiagnosticCodes.UnreadableFile, Assert.Single(report.Rejected).Code);
        Assert.Empty(await fixture.Store.GetKnowledgeStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_MissingPath_StoresNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var report = await fixture.ImportAsync(fixture.File("good.json", Record), "/no/such/file.json");
        Assert.Equal(OperationStatus.Failed, report.Status);
        Assert.Equal("/no/such/file.json", Assert.Single(report.Rejected).Path);
        Assert.Empty(await fixture.Store.GetKnowledgeStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_CancelledMidway_StoresNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAfter(cancellation, after: 50);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Importer.ImportAsync([fixture.DemoAdvisories], progress, cancellation.Token));

        Assert.Empty(await fixture.Store.GetKnowledgeStatusAsync(CancellationToken.None));
    }

    /// <summary>Inputs of which no document is knowledge Ctem keeps, each with the number of documents rejected.</summary>
    public static TheoryData<string[], int> EveryDocumentRejected => new()
    {
        { ["kev/known_exploited_vulnerabilities_schema.json"], 1 },
        { ["cwe/cwe-view-1000.csv.gz"], 1 },
        { ["kev/known_exploited_vulnerabilities_schema.json", "scanners/trivy/defectdojo__all_statuses.json"], 2 },
    };

    [SkippableTheory]
    [MemberData(nameof(EveryDocumentRejected))]
    public async Task Import_EveryDocumentRejected_FailsAndStoresNothing(string[] sharedFiles, int rejected)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var paths = sharedFiles.Select(f => RepoPaths.SharedData(f.Split('/'))).ToArray();

        var report = await fixture.ImportAsync(paths);

        Assert.Equal(OperationStatus.Failed, report.Status);
        Assert.Equal(rejected, report.Rejected.Count);
        Assert.Equal(paths, report.Rejected.Select(d => d.Path));
        Assert.All(report.Rejected, d => Assert.True(d.IsError));
        Assert.Empty(await fixture.Store.GetKnowledgeStatusAsync(CancellationToken.None));
        Assert.Empty(await fixture.Store.GetFeedStatusAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_DirectoryWithoutKnowledge_FailsSayingNothingWasFound()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var notes = fixture.File("notes/README.md", "no advisories here");
        var directory = Path.GetDirectoryName(notes)!;

        var report = await fixture.ImportAsync(directory);

        Assert.Equal(OperationStatus.Failed, report.Status);
        var error = Assert.Single(report.Rejected);
        Assert.Equal((DiagnosticCodes.NoComponents, directory, "no advisory, CVE record, KEV catalogue or EPSS scores found"), (error.Code, error.Path, error.Message));
    }

    [SkippableTheory]
    [InlineData("Go.zip")]
    [InlineData("crates.io.zip")]
    [InlineData("PyPI.zip")]
    public async Task Import_SharedExport_ImportsEveryRecord(string zip)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var path = RepoPaths.SharedData("osv", zip);
        int entries;
        using (var archive = ZipFile.OpenRead(path))
        {
            entries = archive.Entries.Count;
        }

        var report = await fixture.ImportAsync(path);

        Assert.Empty(report.Rejected);
        Assert.Equal((entries, entries), (report.Read, report.Imported));
    }

    private sealed class CancelAfter(CancellationTokenSource cancellation, int after) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= after)
            {
                cancellation.Cancel();
            }
        }
    }
}

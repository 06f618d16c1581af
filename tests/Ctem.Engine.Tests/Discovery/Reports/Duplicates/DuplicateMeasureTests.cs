using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ctem.Engine.Tests.Discovery.Reports.Duplicates;

/// <summary>
/// One finding per real exposure, whatever the format: every set holds reports of one scan of one target in several
/// formats of one tool. Ingested together or one call each (in either order), they must leave no duplicate, and the
/// package identity of the report that names the package outright stands over one a SARIF convention derived.
/// </summary>
public sealed class DuplicateMeasureTests(ITestOutputHelper output)
{
    /// <summary>Name, the reports (under <c>../shared/data/scanners</c>), and how many exposures the scan found.</summary>
    public static TheoryData<string, string[], int> Sets => new()
    {
        { "trivy alpine-310", ["trivy/trivy-integration__alpine-310.json", "sarif/trivy-integration__alpine-310.sarif"], 4 },
        {
            "grype image",
            ["grype/grype-presenter__json__TestJsonImgsPresenter.json", "sarif/grype-presenter__sarif__TestSarifPresenter_image.sarif", "grype/grype-presenter__cyclonedx__TestCycloneDxPresenterImage.cdx.json"],
            2
        },
        {
            "grype directory",
            ["grype/grype-presenter__json__TestJsonDirsPresenter.json", "sarif/grype-presenter__sarif__TestSarifPresenter_directory.sarif", "grype/grype-presenter__cyclonedx__TestCycloneDxPresenterDir.cdx.json"],
            2
        },
    };

    [SkippableTheory]
    [MemberData(nameof(Sets))]
    public async Task Ingest_OneScanInEveryFormat_LeavesNoDuplicate(string name, string[] reports, int exposures)
    {
        RepoPaths.RequireShared();
        var paths = reports.Select(r => RepoPaths.SharedData(["scanners", .. r.Split('/')])).ToList();
        var raw = await RawEntriesAsync(paths);

        var together = await MeasureAsync(name, [paths]);
        var apart = await MeasureAsync(name, [.. paths.Select(p => (IReadOnlyList<string>)[p])]);
        var reversed = await MeasureAsync(name, [.. paths.AsEnumerable().Reverse().Select(p => (IReadOnlyList<string>)[p])]);

        output.WriteLine($"{name}, one ingest: {together with { RawEntries = raw }}");
        output.WriteLine($"{name}, one ingest per report: {apart with { RawEntries = raw }}");
        output.WriteLine($"{name}, one ingest per report, SARIF first: {reversed with { RawEntries = raw }}");
        Assert.Equal((exposures, 0), (together.Stored, together.Duplicates));
        Assert.Equal((exposures, 0), (apart.Stored, apart.Duplicates));
        Assert.Equal((exposures, 0), (reversed.Stored, reversed.Duplicates));
    }

    /// <summary>Alone, a SARIF report's findings say how their package was derived, and how sure that is.</summary>
    [SkippableTheory]
    [InlineData("trivy-integration__alpine-310.sarif", 4, IdentityConfidence.Guessed)]
    [InlineData("grype-presenter__sarif__TestSarifPresenter_image.sarif", 2, IdentityConfidence.Stated)]
    public async Task Ingest_SarifAlone_KeepsHowThePackageWasDerived(string report, int findings, IdentityConfidence confidence)
    {
        RepoPaths.RequireShared();

        var stored = await IngestAsync("image", [[RepoPaths.SharedData("scanners", "sarif", report)]]);

        Assert.Equal(findings, stored.Count);
        Assert.All(stored, f => Assert.Equal(confidence, f.Identity?.Confidence));
    }

    private static async Task<ExposureCount> MeasureAsync(string product, IReadOnlyList<IReadOnlyList<string>> calls)
    {
        var stored = await IngestAsync(product, calls);
        Assert.All(stored, f => Assert.Null(f.Identity));
        return ExposureCount.Of(0, stored);
    }

    private static async Task<IReadOnlyList<StoredFinding>> IngestAsync(string product, IReadOnlyList<IReadOnlyList<string>> calls)
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);
        foreach (var paths in calls)
        {
            var report = await ingester.IngestAsync(new IngestRequest(paths, product, null), CancellationToken.None);
            Assert.True(report.Status == OperationStatus.Succeeded, string.Join("; ", report.Diagnostics));
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        return await fixture.Store.GetCurrentFindingsAsync(product, CancellationToken.None);
    }

    private static async Task<int> RawEntriesAsync(IEnumerable<string> paths)
    {
        var count = 0;
        foreach (var path in paths)
        {
            var content = await File.ReadAllBytesAsync(path);
            var parser = BuiltInPlugins.ReportParsers.First(p => p.CanParse(path, content.AsSpan(0, Math.Min(4096, content.Length))));
            using var stream = new MemoryStream(content);
            count += (await parser.ParseAsync(new InputSource(path, stream), CancellationToken.None)).Report!.Findings.Count;
        }

        return count;
    }
}

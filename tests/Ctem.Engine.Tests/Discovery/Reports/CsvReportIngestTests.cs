using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

/// <summary>CSV and Nessus XML reports through ingest: found in directories, all or nothing.</summary>
public sealed class CsvReportIngestTests
{
    // CSV and .nessus reports are found when a directory is walked, as JSON and XML ones are; other files are not read.
    [Fact]
    public async Task Ingest_Directory_WalksCsvAndNessusReports()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);
        var csv = fixture.File(Path.Combine("reports", "nessus.csv"), HostFindingMergeTests.Nessus);
        fixture.File(Path.Combine("reports", "scan.nessus"), "<NessusClientData_v2><Report name=\"lab\"><ReportHost name=\"192.168.0.100\"><ReportItem pluginID=\"10107\" pluginName=\"HTTP Server Type and Version\" port=\"80\" protocol=\"tcp\" severity=\"0\"/></ReportHost></Report></NessusClientData_v2>");
        fixture.File(Path.Combine("reports", "notes.txt"), "not a report");

        var report = await ingester.IngestAsync(new IngestRequest([Path.GetDirectoryName(csv)!], "lab", null), CancellationToken.None);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        Assert.Equal(["nessus/csv", "nessus/xml"], report.Files.Select(r => r.Format).Order(StringComparer.Ordinal));
    }

    // A malformed report beside a good one: an error naming the file and row, and nothing of either is stored.
    [Fact]
    public async Task Ingest_MalformedCsvBesideAGoodReport_WritesNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);
        var broken = fixture.File("openvas.csv", "IP,Hostname,Port,Port Protocol,CVSS,Severity,NVT Name,NVT OID,CVEs\n10.0.0.1,,22,tcp,5.0\n");

        var report = await ingester.IngestAsync(new IngestRequest([fixture.File("nessus.csv", HostFindingMergeTests.Nessus), broken], "lab", null), CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, report.Status);
        var error = Assert.Single(report.Diagnostics, d => d.IsError);
        Assert.Equal((broken, "row 2"), (error.Path, error.Location));
        Assert.Empty(await fixture.Store.GetCurrentFindingsAsync("lab", CancellationToken.None));
    }
}

using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;
using static Ctem.Engine.Tests.Validation.VexFixture;

namespace Ctem.Engine.Tests.Validation;

/// <summary>Pre-emptive statements meet their findings however the findings arrive: a scan (see <see cref="VexImportTests"/>), an ingest, a re-analysis.</summary>
public sealed class VexStageTests
{
    private static readonly DateTimeOffset T1 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Ingest_PreemptiveStatement_ClosesTheReportedFinding()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await ImportAsync(fixture, "app", ("vendor.json", TestVexReader.Document(T1, Statement("CVE-2009-3882", VexState.FalsePositive, new VexTarget("pkg:generic/java")))));
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);

        var report = await ingester.IngestAsync(new IngestRequest([RepoPaths.SharedData("scanners", "grype", "defectdojo__fix_available.json")], "app", null), CancellationToken.None);

        var finding = Assert.Single(await fixture.Store.GetFindingsAsync(new FindingFilter("app", FindingStatusFilter.All), CancellationToken.None));
        Assert.Equal(VexState.FalsePositive, finding.Vex?.State);
        Assert.Equal([finding.Id], report.ClosedByVex);
        Assert.Empty(await fixture.Store.GetFindingsAsync(new FindingFilter("app", FindingStatusFilter.Open), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Reanalysis_PreemptiveStatement_ClosesTheFindingANewAdvisoryOpens()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await ImportAsync(fixture, Product, ("vendor.json", TestVexReader.Document(T1, Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)))));
        var scan = await ScanFluxAsync(fixture);
        Assert.Empty(scan.Findings);

        var import = await fixture.ImportAsync(RepoPaths.SharedData("osv", "Go.zip"));
        await new Reanalyzer(fixture.Store, BuiltInPlugins.VersionSchemes, fixture.Time).RunAsync(import.ChangedPackages, CancellationToken.None);

        var finding = await FindingAsync(fixture, Cve, AwsSdk);
        Assert.Equal(VexState.NotAffected, finding.Vex?.State);
        Assert.DoesNotContain(await OpenAsync(fixture), f => f.Id == finding.Id);
        Assert.NotEmpty(await OpenAsync(fixture));
    }
}

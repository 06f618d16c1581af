using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

/// <summary>
/// One fix, three spellings, all real: the Go vulndb's GO-2022-0379 says "2.8.0+incompatible", GitLab's GLAD-26cd05d1
/// (the same GHSA-qq97-vm5h-rrhg) "2.8.0", and Trivy's report of it (GMS-2022-20) "v2.8.0". It is shown once, as the
/// Go vulndb spells it.
/// </summary>
public sealed class FixedVersionSpellingsTests
{
    [SkippableFact]
    public async Task ScanThenIngest_OneFixSpelledThreeWays_IsShownOnce()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(
            fixture.SharedOsvRecord("Go.zip", "GO-2022-0379.json"),
            fixture.SharedOsvRecord("gitlab-community-converted/Go.zip", "GLAD-26cd05d1-2cb6-45b1-a990-09c37bb1c68d.json"));

        var scan = await fixture.ScanAsync(fixture.Sbom("sbom.json", "app", "pkg:golang/github.com/docker/distribution@v2.7.1%2Bincompatible"));
        var ingester = new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);
        await ingester.IngestAsync(new IngestRequest([RepoPaths.SharedData("scanners", "trivy", "trivy-integration__gomod.json")], "app", null), CancellationToken.None);

        Assert.Equal(["2.8.0+incompatible"], Assert.Single(scan.Findings).FixedVersions);
        var stored = Assert.Single(
            await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None),
            f => f.PackageName == "github.com/docker/distribution");
        Assert.Equal(["ctem-scan", "trivy"], stored.Sources.Order(StringComparer.Ordinal));
        Assert.Equal(["2.8.0+incompatible"], stored.FixedVersions);
    }
}

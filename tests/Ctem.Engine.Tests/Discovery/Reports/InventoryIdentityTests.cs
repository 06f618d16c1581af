using System.IO.Compression;
using Ctem.Core.Model;
using Ctem.Engine.Discovery;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports;

/// <summary>
/// Issue 19: a reported package is completed from the product's inventory only when the inventory knows it — a source
/// package becomes the binaries dpkg says are built from it, a package without an ecosystem the one package of that
/// name and version — and otherwise stays as reported.
/// </summary>
public sealed class InventoryIdentityTests
{
    // Syft's SPDX of a Debian 11 image: libwebp6, libwebpdemux2 and libwebpmux3 carry upstream=libwebp.
    private const string LaravelSbom = "in-the-lab/spdx-popular-containers/data/spdx-syft-bitnami_laravel-sha256_7aff7ad10ae5f405073f13f80464681073a0537f1673804c7c758b068b9ff3f1.json";

    private const string LibwebpSourceVdr = """
        {
          "bomFormat": "CycloneDX", "specVersion": "1.5",
          "metadata": {"tools": [{"name": "source-scanner"}], "component": {"type": "container", "name": "laravel"}},
          "components": [{"bom-ref": "src", "type": "library", "name": "libwebp", "version": "0.6.1-2.1", "purl": "pkg:deb/debian/libwebp@0.6.1-2.1?distro=debian-11"}],
          "vulnerabilities": [{"id": "CVE-2023-4863", "affects": [{"ref": "src"}]}]
        }
        """;

    [SkippableTheory]
    [InlineData(true, new[] { "pkg:deb/debian/libwebp6@0.6.1-2.1", "pkg:deb/debian/libwebpdemux2@0.6.1-2.1", "pkg:deb/debian/libwebpmux3@0.6.1-2.1" })]
    [InlineData(false, new[] { "pkg:deb/debian/libwebp@0.6.1-2.1" })]
    public async Task Ingest_SourcePackage_MergesIntoItsBinariesOnlyWhenTheInventoryKnowsThem(bool scanned, string[] expected)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        if (scanned)
        {
            var sbom = fixture.File("laravel.spdx.json", SharedSbom("bom-shelter-in-the-lab-sample.zip", LaravelSbom));
            await fixture.Scanner.ScanAsync(new ScanRequest([sbom], "laravel"), null, CancellationToken.None);
        }

        var report = await Ingester(fixture).IngestAsync(new IngestRequest([fixture.File("libwebp.vdr.json", LibwebpSourceVdr)], "laravel", null), CancellationToken.None);

        var stored = await fixture.Store.GetCurrentFindingsAsync("laravel", CancellationToken.None);
        Assert.Equal(OperationStatus.Succeeded, report.Status);
        Assert.Equal(expected, stored.Where(f => f.Vulnerability.Id == "CVE-2023-4863").Select(f => f.ComponentPurl).Order(StringComparer.Ordinal));
        Assert.All(stored.Where(f => f.Vulnerability.Id == "CVE-2023-4863"), f => Assert.Equal(
            scanned ? "the product's inventory knows " + f.ComponentPurl[15..f.ComponentPurl.IndexOf('@', StringComparison.Ordinal)] + " 0.6.1-2.1 as built from the source package libwebp 0.6.1-2.1" : null,
            f.Identity?.DerivedFrom));
    }

    /// <summary>The report ingested before the scan: re-ingested once the scan knows the binaries, it meets them (its earlier finding is released).</summary>
    [SkippableFact]
    public async Task Ingest_SourcePackageAgainAfterTheScan_MovesToTheBinaries()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var vdr = fixture.File("libwebp.vdr.json", LibwebpSourceVdr);
        await Ingester(fixture).IngestAsync(new IngestRequest([vdr], "laravel", null), CancellationToken.None);
        var sbom = fixture.File("laravel.spdx.json", SharedSbom("bom-shelter-in-the-lab-sample.zip", LaravelSbom));
        await fixture.Scanner.ScanAsync(new ScanRequest([sbom], "laravel"), null, CancellationToken.None);

        await Ingester(fixture).IngestAsync(new IngestRequest([vdr], "laravel", null), CancellationToken.None);

        var open = (await fixture.Store.GetCurrentFindingsAsync("laravel", CancellationToken.None)).Where(f => f.Status == FindingStatus.Open && f.Vulnerability.Id == "CVE-2023-4863");
        Assert.Equal(["pkg:deb/debian/libwebp6@0.6.1-2.1", "pkg:deb/debian/libwebpdemux2@0.6.1-2.1", "pkg:deb/debian/libwebpmux3@0.6.1-2.1"], open.Select(f => f.ComponentPurl).Order(StringComparer.Ordinal));
    }

    /// <summary>Trivy's SARIF of an image whose name names no distribution: the JSON of the same scan says which packages they are.</summary>
    [SkippableTheory]
    [InlineData(false, "libcrypto1.1@1.1.1c-r0", IdentityConfidence.Stated)]
    [InlineData(true, "pkg:apk/alpine/libcrypto1.1@1.1.1c-r0", null)]
    public async Task Ingest_SarifWithoutEcosystem_TakesThePurlOnlyOfAPackageTheProductIsKnownToHold(bool withJson, string expected, IdentityConfidence? confidence)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var sarif = fixture.File("app.sarif", File.ReadAllText(RepoPaths.SharedData("scanners", "sarif", "trivy-integration__alpine-310.sarif"))
            .Replace("alpine-310", "app", StringComparison.Ordinal));
        if (withJson)
        {
            await Ingester(fixture).IngestAsync(new IngestRequest([RepoPaths.SharedData("scanners", "trivy", "trivy-integration__alpine-310.json")], "app", null), CancellationToken.None);
        }

        await Ingester(fixture).IngestAsync(new IngestRequest([sarif], "app", null), CancellationToken.None);

        var stored = await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None);
        Assert.Equal(4, stored.Count);
        var libcrypto = stored.First(f => f.Vulnerability.Id == "CVE-2019-1549" && f.ComponentPurl.Contains("libcrypto", StringComparison.Ordinal));
        Assert.Equal((expected, confidence), (libcrypto.ComponentPurl, libcrypto.Identity?.Confidence));
    }

    private static ReportIngester Ingester(EngineFixture fixture) =>
        new(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);

    private static string SharedSbom(string zip, string entry)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", zip));
        using var reader = new StreamReader(archive.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}

using System.IO.Compression;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Validation;
using Ctem.Plugins;
using Ctem.Testing;

namespace Ctem.Engine.Tests.Validation;

/// <summary>
/// The Validation stage over real data: Go advisories from <c>../shared/data/osv/Go.zip</c> and the SPDX SBOM of flux
/// 0.26.3 from the bom-shelter "in the wild" set, whose aws-sdk-go v1.15.78 has CVE-2020-8911 (GO-2022-0646).
/// </summary>
internal static class VexFixture
{
    public const string Product = "flux";
    public const string AwsSdk = "pkg:golang/github.com/aws/aws-sdk-go";
    public const string Cve = "CVE-2020-8911";
    public const string GoId = "GO-2022-0646";

    public static async Task<EngineFixture> WithAdvisoriesAsync()
    {
        RepoPaths.RequireShared();
        var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(RepoPaths.SharedData("osv", "Go.zip"));
        return fixture;
    }

    public static string FluxSbom(EngineFixture fixture)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", "bom-shelter-in-the-wild.zip"));
        using var reader = new StreamReader(archive.GetEntry("in-the-wild/spdx/flux_0.26.3_sbom.spdx.json")!.Open());
        return fixture.File("flux_0.26.3_sbom.spdx.json", reader.ReadToEnd());
    }

    public static Task<ScanReport> ScanFluxAsync(EngineFixture fixture) => fixture.ScanAsync(FluxSbom(fixture), Product);

    public static VexImporter Importer(EngineFixture fixture) =>
        new(fixture.Store, [new TestVexReader()], BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);

    public static Task<VexImportReport> ImportAsync(EngineFixture fixture, string? product, params (string Name, VexDocument Document)[] documents) =>
        Importer(fixture).ImportAsync(new VexImportRequest([.. documents.Select(d => fixture.File(d.Name, TestVexReader.Text(d.Document)))], product), CancellationToken.None);

    public static VexStatement Statement(string id, VexState state, params VexTarget[] targets) => new(id, [], targets, state)
    {
        Justification = state == VexState.NotAffected ? VexJustification.VulnerableCodeNotInExecutePath : VexJustification.Unspecified,
        Detail = "S3 crypto client is not used",
        ActionStatement = state == VexState.Affected ? "upgrade aws-sdk-go to v1.34.0" : null,
    };

    /// <summary>The finding of a vulnerability (by any name) in the flux SBOM's version of a package.</summary>
    public static async Task<StoredFinding> FindingAsync(EngineFixture fixture, string vulnerabilityId, string package)
    {
        var all = await fixture.Store.GetFindingsAsync(new FindingFilter(Product, FindingStatusFilter.All), CancellationToken.None);
        return all.Single(f => f.Vulnerability.Aliases.Prepend(f.Vulnerability.Id).Contains(vulnerabilityId) && f.ComponentPurl == package + "@v1.15.78");
    }

    public static Task<IReadOnlyList<StoredFinding>> OpenAsync(EngineFixture fixture) =>
        fixture.Store.GetFindingsAsync(new FindingFilter(Product, FindingStatusFilter.Open), CancellationToken.None);
}

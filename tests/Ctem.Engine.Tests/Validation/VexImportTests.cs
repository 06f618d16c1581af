using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Knowledge;
using Ctem.Testing;
using Xunit;
using static Ctem.Engine.Tests.Validation.VexFixture;

namespace Ctem.Engine.Tests.Validation;

public sealed class VexImportTests
{
    private static readonly DateTimeOffset T1 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    // How a statement names the finding: every way must reach it, and near misses must not.
    public static TheoryData<string, VexTarget[], bool> Targets() => new()
    {
        { "CVE id, purl without version", [new VexTarget(AwsSdk)], true },
        { "OSV id (an alias the knowledge base holds)", [new VexTarget(AwsSdk)], true },
        { "exact version", [new VexTarget($"{AwsSdk}@v1.15.78")], true },
        { "another version", [new VexTarget($"{AwsSdk}@v1.15.79")], false },
        { "vers range holding it", [new VexTarget(AwsSdk, "vers:golang/>=v1.0.0|<v1.34.0")], true },
        { "vers range past it", [new VexTarget(AwsSdk, "vers:golang/>=v1.34.0")], false },
        { "another package", [new VexTarget("pkg:golang/github.com/aws/aws-sdk-go-v2")], false },
        { "only a CPE", [new VexTarget(null, null, "cpe:2.3:a:amazon:aws-sdk-go:1.15.78:*:*:*:*:*:*:*")], false },
        { "no components: the whole product", [], true },
    };

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public async Task ImportAsync_AfterAScan_ClosesExactlyTheFindingsItNames(string why, VexTarget[] targets, bool applies)
    {
        await using var fixture = await WithAdvisoriesAsync();
        await ScanFluxAsync(fixture);
        var id = why.StartsWith("OSV", StringComparison.Ordinal) ? GoId : Cve;

        var report = await ImportAsync(fixture, Product, ("vendor.json", TestVexReader.Document(T1, Statement(id, VexState.NotAffected, targets))));

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        var finding = await FindingAsync(fixture, Cve, AwsSdk);
        Assert.Equal(applies, finding.Vex is not null);
        Assert.Equal(applies, !(await OpenAsync(fixture)).Any(f => f.Id == finding.Id));
        Assert.Equal((applies ? 1 : 0, applies ? 0 : 1), (report.Applied, report.Preemptive));
    }

    [SkippableFact]
    public async Task ImportAsync_BeforeTheScan_IsKeptAndAppliesToTheScan()
    {
        await using var fixture = await WithAdvisoriesAsync();

        var import = await ImportAsync(fixture, Product, ("vendor.json", TestVexReader.Document(T1, Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)))));
        var scan = await ScanFluxAsync(fixture);

        Assert.Equal((0, 1), (import.Applied, import.Preemptive));
        Assert.Contains(scan.ClosedByVex, f => f.Vulnerability.Id == Cve);
        Assert.DoesNotContain(scan.Findings, f => f.Vulnerability.Id == Cve && f.ComponentCoordinates.StartsWith(AwsSdk, StringComparison.Ordinal));
        var finding = await FindingAsync(fixture, Cve, AwsSdk);
        Assert.Equal((VexState.NotAffected, "Vendor PSIRT", T1), (finding.Vex!.State, finding.Vex.Author, finding.Vex.At));
    }

    [SkippableFact]
    public async Task ImportAsync_ProductNamedByTheDocument_BindsByNameOrPurl()
    {
        await using var fixture = await WithAdvisoriesAsync();
        var forOther = Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)) with { Product = "pkg:oci/other-product@sha256:abc" };
        var forFlux = Statement("CVE-2020-8912", VexState.NotAffected, new VexTarget(AwsSdk)) with { Product = "pkg:oci/flux@sha256:abc" };

        await ImportAsync(fixture, null, ("vendor.json", TestVexReader.Document(T1, forOther, forFlux)));
        await ScanFluxAsync(fixture);

        Assert.Null((await FindingAsync(fixture, Cve, AwsSdk)).Vex);
        Assert.NotNull((await FindingAsync(fixture, "CVE-2020-8912", AwsSdk)).Vex);
    }

    [SkippableFact]
    public async Task ImportAsync_SourcesDisagree_LatestTimestampWinsAndTheOthersAreKept()
    {
        await using var fixture = await WithAdvisoriesAsync();
        await ScanFluxAsync(fixture);
        var newer = TestVexReader.Document(T1.AddDays(1), Statement(Cve, VexState.Affected, new VexTarget(AwsSdk)));
        var older = TestVexReader.Document(T1, Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)));

        // The newer statement is imported first: import order must not decide.
        await ImportAsync(fixture, Product, ("newer.json", newer));
        await ImportAsync(fixture, Product, ("older.json", older));

        var finding = await FindingAsync(fixture, Cve, AwsSdk);
        Assert.Equal((VexState.Affected, "upgrade aws-sdk-go to v1.34.0"), (finding.Vex!.State, finding.Vex.ActionStatement));
        Assert.Contains(await OpenAsync(fixture), f => f.Id == finding.Id);
        var statements = await fixture.Store.GetFindingVexStatementsAsync(finding.Id, CancellationToken.None);
        Assert.Equal([VexState.Affected, VexState.NotAffected], statements.Select(s => s.Statement.State));
        Assert.Equal(2, (await fixture.Store.GetVexStatementsAsync(null, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task ImportAsync_SameDocumentTwice_StoresItOnce()
    {
        await using var fixture = await WithAdvisoriesAsync();
        var path = fixture.File("vendor.json", TestVexReader.Text(TestVexReader.Document(T1, Statement(Cve, VexState.Fixed, new VexTarget(AwsSdk)))));

        await Importer(fixture).ImportAsync(new([path], Product), CancellationToken.None);
        var again = await Importer(fixture).ImportAsync(new([path], Product), CancellationToken.None);

        Assert.Equal((0, 1), (again.Files.Single().Added, again.Files.Single().Unchanged));
        Assert.Single(await fixture.Store.GetVexStatementsAsync(null, CancellationToken.None));
    }

    // One file that is not a VEX document, or is of a version no reader supports, and nothing is written.
    [SkippableTheory]
    [InlineData("sbom", "not a VEX document Ctem reads")]
    [InlineData("version 2", "testVex version 2 is not supported")]
    [InlineData("broken", "")]
    public async Task ImportAsync_OneBadFile_WritesNothingAndNamesIt(string kind, string message)
    {
        await using var fixture = await WithAdvisoriesAsync();
        var good = fixture.File("good.json", TestVexReader.Text(TestVexReader.Document(T1, Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)))));
        var bad = kind switch
        {
            "sbom" => FluxSbom(fixture),
            "version 2" => fixture.File("v2.json", TestVexReader.Text(TestVexReader.Document(T1), version: 2)),
            _ => fixture.File("broken.json", "{\"testVex\": 1, \"document\": {"),
        };

        var report = await Importer(fixture).ImportAsync(new([good, bad], Product), CancellationToken.None);

        Assert.Equal(OperationStatus.Failed, report.Status);
        var error = Assert.Single(report.Diagnostics, d => d.IsError);
        Assert.Equal(bad, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Store.GetVexStatementsAsync(null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ImportAsync_UnknownFormatIn_SaysWhichAreKnown()
    {
        await using var fixture = await WithAdvisoriesAsync();

        var report = await Importer(fixture).ImportAsync(new([FluxSbom(fixture)], Product, "csaf"), CancellationToken.None);

        Assert.Contains("known: testvex/json", Assert.Single(report.Diagnostics).Message, StringComparison.Ordinal);
    }
}

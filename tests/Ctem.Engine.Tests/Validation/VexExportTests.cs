using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Validation;
using Ctem.Testing;
using Xunit;
using static Ctem.Engine.Tests.Validation.VexFixture;

namespace Ctem.Engine.Tests.Validation;

public sealed class VexExportTests
{
    private static readonly DateTimeOffset T1 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly VexPolicy Policy = new(new VexParty("ACME PSIRT", "psirt@acme.example", "https://acme.example/vex"), new VexParty("ACME"), []);

    [SkippableFact]
    public async Task ExportAsync_ScannedProduct_EveryFindingOnceWithItsState()
    {
        await using var fixture = await WithAdvisoriesAsync();
        var scan = await ScanFluxAsync(fixture);
        await ImportAsync(fixture, Product, ("vendor.json", TestVexReader.Document(T1, Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)))));

        var export = await Exporter(fixture).ExportAsync(new VexExportRequest(Product, "0.26.3", Policy, "ctem", "1.0"), CancellationToken.None);

        Assert.Equal(scan.Findings.Count + scan.ClosedByVex.Count, export.Statements.Count);
        Assert.Equal(export.Statements.Count - 1, export.Statements.Count(s => s.State == VexState.Affected));
        var answered = Assert.Single(export.Statements, s => s.State == VexState.NotAffected);
        Assert.Equal((Cve, $"{AwsSdk}@v1.15.78", VexJustification.VulnerableCodeNotInExecutePath, "Vendor PSIRT", T1),
            (answered.VulnerabilityId, Assert.Single(answered.Targets).Purl, answered.Justification, answered.Author, answered.Timestamp));
        Assert.All(export.Statements.Where(s => s.State == VexState.Affected), s => Assert.False(string.IsNullOrEmpty(s.ActionStatement)));
        Assert.Equal(export.Statements.OrderBy(s => s.VulnerabilityId, StringComparer.Ordinal).ThenBy(s => s.Targets[0].Purl, StringComparer.Ordinal), export.Statements);
        Assert.Equal((Policy.Author, Policy.Supplier, "0.26.3"), (export.Author, export.Supplier, export.Release));
    }

    [SkippableFact]
    public async Task ExportAsync_SameData_SameDocument()
    {
        await using var fixture = await WithAdvisoriesAsync();
        await ScanFluxAsync(fixture);
        var request = new VexExportRequest(Product, null, VexPolicy.Empty, "ctem", "1.0");

        var first = Text(await Exporter(fixture).ExportAsync(request, CancellationToken.None));
        fixture.Time.Advance(TimeSpan.FromDays(3));
        var second = Text(await Exporter(fixture).ExportAsync(request, CancellationToken.None));

        Assert.Equal(first, second);
        Assert.Contains("\"name\": \"ctem\"", first, StringComparison.Ordinal);
    }

    // Export, then a fresh database, a scan of the same SBOM and an import of the export: the same states come back.
    [SkippableFact]
    public async Task ExportAsync_RoundTripIntoAFreshDatabase_RestoresEveryState()
    {
        VexExport export;
        IReadOnlyList<(string Key, VexState? State)> before;
        await using (var source = await WithAdvisoriesAsync())
        {
            await ScanFluxAsync(source);
            await ImportAsync(source, Product, ("vendor.json", TestVexReader.Document(T1, Statement(Cve, VexState.NotAffected, new VexTarget(AwsSdk)))));
            export = await Exporter(source).ExportAsync(new VexExportRequest(Product, null, Policy, "ctem", "1.0"), CancellationToken.None);
            before = await StatesAsync(source);
        }

        await using var fresh = await WithAdvisoriesAsync();
        await ScanFluxAsync(fresh);
        var document = new VexDocument("testvex", "urn:export", export.Author.Name, export.Timestamp, export.Statements);
        var import = await ImportAsync(fresh, null, ("export.json", document));

        Assert.Equal(export.Statements.Count, import.Applied);
        Assert.Equal(before.Select(b => (b.Key, b.State ?? VexState.Affected)), (await StatesAsync(fresh)).Select(a => (a.Key, a.State!.Value)));
    }

    private static VexExporter Exporter(EngineFixture fixture) => new(fixture.Store);

    private static string Text(VexExport export)
    {
        using var stream = new MemoryStream();
        new TestVexWriter().Write(export, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<IReadOnlyList<(string Key, VexState? State)>> StatesAsync(EngineFixture fixture) =>
        (await fixture.Store.GetFindingsAsync(new FindingFilter(Product, FindingStatusFilter.All), CancellationToken.None))
            .Select(f => ($"{f.ComponentPurl}|{f.Vulnerability.Id}", f.Vex?.State))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
}

using Xunit;

namespace Ctem.Engine.Tests.Discovery;

/// <summary>Scan findings are placed where code scanning shows them: the declaring file, relative to the scanned root, on its line.</summary>
public sealed class FindingPlacesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scan_DemoSbom_FindingsPlacedOnTheirComponentsLinesAndStored(bool scanDirectory)
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);
        var directory = Path.GetDirectoryName(fixture.DemoSbom)!;

        var report = await fixture.ScanAsync(scanDirectory ? directory : fixture.DemoSbom);
        var stored = await fixture.Store.GetCurrentFindingsAsync(report.Product!.Name, CancellationToken.None);

        Assert.Equal(91, report.Findings.Count);
        Assert.All(report.Findings, f =>
        {
            Assert.Equal((directory, "harp-darwin-amd64.sbom.json"), (f.Place?.Root, f.Place?.Path));
            Assert.True(f.Place!.Line is > 1);
            Assert.Equal(f.Component.Location.Line, f.Place.Line);
        });
        Assert.Equal(
            report.Findings.Select(f => (f.ComponentCoordinates, f.Vulnerability.Id, f.Place)).Order(),
            stored.Select(f => (f.ComponentPurl, f.Vulnerability.Id, f.Place)).Order());
    }
}

using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.CycloneDx;

public sealed class CycloneDxJsonParserTests
{
    private static readonly CycloneDxJsonParser Parser = new();

    [Fact]
    public async Task Parse_RealGoSbom_ReadsProductAndComponents()
    {
        var result = await ParseFile(TestData("kawipiko-sbom-cdx.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("github.com/volution/kawipiko", inventory.Product?.Name);
        Assert.Equal(27, inventory.Components.Count);
        Assert.All(inventory.Components, c => Assert.Equal("Go", c.Ecosystem));
        Assert.StartsWith("/components/", inventory.Components[0].Location.Pointer, StringComparison.Ordinal);
    }

    // Expected values read off the file with Python: 7 modules in the product's dependsOn, 20 others; hashes per module.
    [Fact]
    public async Task Parse_DependencyGraph_MarksDirectTransitiveAndEdges()
    {
        var result = await ParseFile(TestData("kawipiko-sbom-cdx.json"));
        var components = result.Inventory!.Components;
        Assert.Equal(7, components.Count(c => c.Relation == DependencyRelation.Direct));
        Assert.Equal(20, components.Count(c => c.Relation == DependencyRelation.Transitive));
        var brotli = components[0];
        Assert.Equal("pkg:golang/github.com/andybalholm/brotli@v1.0.4?type=module", brotli.BomRef);
        Assert.Equal(DependencyScope.Runtime, brotli.Scope);
        Assert.Equal([new ComponentHash("SHA-256", "57b0dd5de26d66c71aa9f36e01d491b91173ba22a51d20bf661df397da98dc96")], brotli.Hashes);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "invalid-syntax.json", DiagnosticCodes.InvalidJson, "6:5" },
        { "invalid-no-components.json", DiagnosticCodes.NoComponents, "/components" },
        { "invalid-not-cyclonedx.json", DiagnosticCodes.NotCycloneDx, "/bomFormat" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string file, string code, string? location)
    {
        InventoryAssert.FailedWith(await ParseFile(TestData(file)), file, code, location);
    }

    // Found in review: a string with invalid UTF-8 made GetString() throw out of the parser.
    [Fact]
    public async Task Parse_InvalidUtf8InString_IsDiagnosticNotException()
    {
        var bytes = "{\"bomFormat\": \"CycloneDX\", \"components\": [{\"name\": \"x"u8.ToArray()
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat("\"}]}"u8.ToArray())
            .ToArray();
        using var stream = new MemoryStream(bytes);

        var result = await Parser.ParseAsync(new InputSource("bad-utf8.json", stream), CancellationToken.None);

        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task Parse_BadComponents_KeepsTheRestAndWarns()
    {
        var result = await ParseFile(TestData("mixed-bad-components.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["ok", "broken"], inventory.Components.Select(c => c.Name));
        Assert.Null(inventory.Components[1].Purl);
        Assert.Equal(["/components/1/purl", "/components/2"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    // Expected counts were taken independently (Python's json module, counting named objects in
    // every nested "components" array), not with the parser under test.
    public static TheoryData<string, string, int> SharedSboms => new()
    {
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/harp-darwin-amd64.sbom.json", 705 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/redis-commander-sbom-cdx.json", 514 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/ghidra-sbom-cdx.json", 109 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/obsidian-sailboat-sbom-cdx.json", 141 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/joc-cockpit-sbom-cdx.json", 160 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/text-statistician-cdx.json", 141 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/ascii-boxes-sbom-cdx.json", 2 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/bare/bom.1.4.json", 1115 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/v11.1.2/bom.json", 840 },
        { "cyclonedx-bom-examples.zip", "SBOM/keycloak-10.0.2/bom.json", 903 },
        { "cyclonedx-bom-examples.zip", "SBOM/dropwizard-1.3.15/bom.json", 167 },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.2.json", 62 },
        { "cyclonedx-bom-examples.zip", "SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json", 201 },
        { "cyclonedx-bom-examples.zip", "SBOM/protonmail-webclient-v4-0912dff/bom.json", 883 },
        { "cyclonedx-bom-examples.zip", "SBOM/cern-lhc-vdm-editor-e564943/bom.json", 43 },
        { "cyclonedx-bom-examples.zip", "OBOM/Example-1-Standalone/bom.json", 904 },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/kawipiko-sbom-cdx.json", 27 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/bare/bom.1.2.json", 1115 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/bare/bom.1.3.json", 1115 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/flat/bom.1.2.json", 1115 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/flat/bom.1.3.json", 1115 },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/flat/bom.1.4.json", 1115 },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.3.json", 62 },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.4.json", 62 },
        { "cyclonedx-bom-examples.zip", "SBOM/proton-bridge/proton-bridge-v1.6.3.bom.json", 201 },
        { "cyclonedx-bom-examples.zip", "OBOM/Example-1-Decoupled/bom.json", 903 },
        { "cyclonedx-bom-examples.zip", "OBOM/Example-1-Decoupled/obom.json", 1 },
        { "cyclonedx-bom-examples.zip", "CBOM/Algorithm/bom.json", 2 },
        { "cyclonedx-bom-examples.zip", "CBOM/Certificate/bom.json", 4 },
        { "cyclonedx-bom-examples.zip", "CBOM/Example-With-Dependencies/bom.json", 3 },
        { "cyclonedx-bom-examples.zip", "CBOM/Key/bom.json", 3 },
        { "cyclonedx-bom-examples.zip", "CBOM/Protocol/bom.json", 8 },
        { "cyclonedx-bom-examples.zip", "HBOM/PCIe-SATA-adapter-board/bom.json", 6 },
        { "cyclonedx-bom-examples.zip", "VEX/bom.json", 3 },
    };

    [SkippableTheory]
    [MemberData(nameof(SharedSboms))]
    public async Task Parse_SharedSbom_CountsEveryComponent(string zip, string entry, int expected)
    {
        var result = await InventoryAssert.ParseSharedSbomAsync(Parser, zip, entry);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(expected, result.Inventory?.Components.Count);
    }

    [SkippableTheory]
    [InlineData("in-the-wild/cyclonedx/bashrc2-sbom-cdx.json")]
    [InlineData("in-the-wild/cyclonedx/scanoss-sbom-cdx.json")]
    public async Task Parse_SharedFileNamedCdxButNotCycloneDx_GivesClearError(string entry)
    {
        var result = await InventoryAssert.ParseSharedSbomAsync(Parser, "bom-shelter-in-the-wild.zip", entry);
        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.NotCycloneDx, Assert.Single(result.Diagnostics).Code);
    }

    private static async Task<InventoryResult> ParseFile(string path)
    {
        await using var stream = File.OpenRead(path);
        return await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "CycloneDx", "testdata", file);
}

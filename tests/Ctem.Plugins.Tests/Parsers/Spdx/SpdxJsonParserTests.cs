using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Spdx;
using Ctem.Testing;
using Xunit;
using static Ctem.Plugins.Tests.Parsers.Spdx.SpdxTestFiles;

namespace Ctem.Plugins.Tests.Parsers.Spdx;

public sealed class SpdxJsonParserTests
{
    private const string InTheWild = "bom-shelter-in-the-wild.zip";

    private static readonly SpdxJsonParser Parser = new();

    [Fact]
    public async Task Parse_RealSbom_ReadsProductAndComponents()
    {
        var result = await ParseFile(Parser, TestData("ACME-v2.3.spdx.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("Acme Applcation", "2.3"), inventory.Product);
        Assert.Equal(["elliptic", "alpine", "OpenSSL"], inventory.Components.Select(c => c.Name));
        Assert.Equal(["/packages/1", "/packages/2", "/packages/3"], inventory.Components.Select(c => c.Location.Pointer));
        Assert.Equal("pkg:npm/elliptic@6.5.2", inventory.Components[0].Purl?.ToString());
        Assert.Equal("SPDXRef-npm-elliptic", inventory.Components[0].BomRef);
        Assert.Null(inventory.Components[1].Purl);
        Assert.Equal("3.0.4", inventory.Components[2].Version);
    }

    [Fact]
    public async Task Parse_SeveralDescribedPackages_KeepsAllWithoutProduct()
    {
        var result = await ParseFile(Parser, TestData("example7-third-party-modules.spdx.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        Assert.Equal(["golang.org/x/text", "rsc.io/quote", "rsc.io/sampler"], inventory.Components.Select(c => c.Name));
    }

    [Fact]
    public async Task Parse_OnlyTheProduct_ReadsProductAndWarns()
    {
        var result = await ParseFile(Parser, TestData("01-MinimalSBOM.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal("tools-java", inventory.Product?.Name);
        Assert.Empty(inventory.Components);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.NoComponents, "/packages/0"), (warning.Severity, warning.Code, warning.Location));
    }

    [Fact]
    public async Task Parse_BadPackages_KeepsTheRestAndWarns()
    {
        var result = await ParseFile(Parser, TestData("mixed-bad-packages.spdx.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(new ProductRef("app", "1.0.0"), inventory.Product);
        Assert.Equal(["broken", "ok"], inventory.Components.Select(c => c.Name));
        Assert.Null(inventory.Components[0].Purl);
        Assert.Equal("PyPI", inventory.Components[1].Ecosystem);
        Assert.Equal(["/packages/1/externalRefs/0/referenceLocator", "/packages/2", "/packages/3"], result.Diagnostics.Select(d => d.Location));
        Assert.Equal(DiagnosticCodes.InvalidPurl, result.Diagnostics[0].Code);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_InvalidUtf8_FailsWithoutThrowing()
    {
        byte[] content = [.. "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [{\"name\": \""u8, 0xC3, 0x28, .. "\"}]}"u8];
        var result = await Parse(Parser, "bad-utf8.spdx.json", content);
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidJson, "1:52"), (error.Code, error.Location));
    }

    [Fact]
    public async Task Parse_ByteOrderMark_IsSkipped()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. "{\"spdxVersion\": \"SPDX-2.2\", \"packages\": [{\"name\": \"zlib\"}]}"u8];
        Assert.True(Parser.CanParse("bom.json", content));
        var result = await Parse(Parser, "bom.json", content);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("zlib", Assert.Single(Assert.IsType<Inventory>(result.Inventory).Components).Name);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "invalid-syntax.spdx.json", DiagnosticCodes.InvalidJson, "6:5" },
        { "invalid-no-packages.spdx.json", DiagnosticCodes.NoComponents, "/packages" },
        { "invalid-not-spdx.json", DiagnosticCodes.UnsupportedFormat, "/spdxVersion" },
        { "example7-go-module.spdx3.json", DiagnosticCodes.UnsupportedFormat, "/@context" },
        { "example6-lib.spdx", DiagnosticCodes.InvalidJson, "1:1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string file, string code, string? location)
    {
        var result = await ParseFile(Parser, TestData(file));
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(location, error.Location);
        Assert.EndsWith(file, error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sbom.spdx.json", "", true)]
    [InlineData("SBOM.SPDX.JSON", "", true)]
    [InlineData("bom.json", "{\n  \"spdxVersion\": \"SPDX-2.3\",", true)]
    [InlineData("bom.json", "{\"bomFormat\": \"CycloneDX\"}", false)]
    [InlineData("trivy.json", "{\n\t\"SPDXID\": \"SPDXRef-DOCUMENT\",\n\t\"creationInfo\": {", true)]
    [InlineData("sbom.spdx.json", "SPDXVersion: SPDX-2.2\n", false)]
    [InlineData("sbom.spdx", "", false)]
    [InlineData("sbom.spdx3.json", "{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"}", false)]
    public void CanParse_NameAndHead_Decides(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, System.Text.Encoding.UTF8.GetBytes(head)));

    // Expected counts were taken independently with Python's json module: len(packages), minus one when exactly one
    // package is the target of documentDescribes / a DOCUMENT DESCRIBES or DESCRIBED_BY DOCUMENT relationship (that
    // package is the product). The bool says whether such a single product exists. Zero means the product is the only package.
    public static TheoryData<string, string, int, bool> SharedDocuments => new()
    {
        { "spdx-examples.zip", "presentations/OSS-NA-2023/SPDXVersion2.3/01-MinimalSBOM.json", 0, true },
        { "spdx-examples.zip", "presentations/OSS-NA-2023/SPDXVersion2.3/02-SBOMwSource.json", 0, true },
        { "spdx-examples.zip", "presentations/OSS-NA-2023/SPDXVersion2.3/03-SBOMwDependency.json", 1, true },
        { "spdx-examples.zip", "presentations/OSS-NA-2023/SPDXVersion2.3/04-SBOMwSecurity.json", 1, true },
        { "spdx-examples.zip", "presentations/OSS-NA-2023/SPDXVersion2.3/05-SBOMwSourceLicense.json", 0, true },
        { "spdx-examples.zip", "presentations/SBOMS-SPDX-Now-and-Future/ACME-v2.3.spdx.json", 3, true },
        { "spdx-examples.zip", "software/example10/spdx2.3/hello-source.spdx.json", 0, true },
        { "spdx-examples.zip", "software/example11/spdx2.3/sbom.spdx.json", 3, true },
        { "spdx-examples.zip", "software/example12/spdx2.2/hello-dist.spdx.json", 0, true },
        { "spdx-examples.zip", "software/example12/spdx2.2/hello-src.spdx.json", 0, true },
        { "spdx-examples.zip", "software/example14/content/examplemaven-0.0.1.spdx.json", 5, true },
        { "spdx-examples.zip", "software/example14/spdx2.3/examplemaven-0.0.1-enriched.spdx.json", 5, true },
        { "spdx-examples.zip", "software/example7/spdx2.2/example7-bin.spdx.json", 0, true },
        { "spdx-examples.zip", "software/example7/spdx2.2/example7-go-module.spdx.json", 0, true },
        { "spdx-examples.zip", "software/example7/spdx2.2/example7-golang.spdx.json", 1, true },
        { "spdx-examples.zip", "software/example7/spdx2.2/example7-third-party-modules.spdx.json", 3, false },
        { "spdx-examples.zip", "software/example8/spdx2.3/examplemaven-0.0.1.spdx.json", 5, true },
        { "spdx-examples.zip", "software/example9/spdx2.2/appbomination.spdx.json", 6, true },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/chronicle-sbom.spdx.json", 575, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/constellation-spdx.json", 1303, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/flagger_1.18.0_sbom.spdx.json", 69, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/flux_0.26.3_sbom.spdx.json", 244, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/grype-sbom.spdx.json", 1160, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/helm-controller_0.16.0_sbom.spdx.json", 173, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/image-automation-controller_0.20.0_sbom.spdx.json", 134, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/image-reflector-controller_0.16.0_sbom.spdx.json", 112, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/julia.spdx.json", 33, true },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/kustomizer_2.1.0_sbom.spdx.json", 124, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/microsoft-sbom-tool.spdx.json", 122, true },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/missionlz.spdx.json", 1, true },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/notification-controller_0.21.0_sbom.spdx.json", 150, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/powershell.spdx.json", 330, true },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/source-controller_0.21.2_sbom.spdx.json", 218, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/win-x64-manifest.spdx.json", 87, true },
        // SPDX JSON filed among bom-shelter's CycloneDX samples; found by its head alone.
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/jx-darwin-arm64.tar.gz.sbom", 84, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-bom-atlassian_jira-software-sha256_d384ce1770abee759e5f2c8d67687d147f2fccd0745d9396d6be35e16fbf1ce6.json", 152, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-bom-bitnami_laravel-sha256_7aff7ad10ae5f405073f13f80464681073a0537f1673804c7c758b068b9ff3f1.json", 165, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-bom-ibmcom_microclimate-portal-sha256_ed5505e5c7ecfd5fafb87cde8ec5bc35d80f9fa0a9079cc064d55d4d6f60262c.json", 25, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-bom-kasmweb_vlc-sha256_75fdfbcb8f3ed7f4ca7ca334324d6a078489b91d8a14cd8f3d7aecf62cb7afaf.json", 2549, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-bom-newrelic_synthetics-minion-runner-sha256_cbfa244c7d31e471944398f7f22119ea2a7491887591a3ebd78ebf12869611d9.json", 579, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-bom-opensearchproject_opensearch-dashboards-sha256_47a66cd5d1841d7c2e869d1cfe8003de1251b029355e5e15b4895fb57fb89746.json", 14, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-syft-bitnami_laravel-sha256_7aff7ad10ae5f405073f13f80464681073a0537f1673804c7c758b068b9ff3f1.json", 818, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-tern-bitnami_laravel-sha256_7aff7ad10ae5f405073f13f80464681073a0537f1673804c7c758b068b9ff3f1.json", 290, true },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-trivy-atlassian_jira-software-sha256_d384ce1770abee759e5f2c8d67687d147f2fccd0745d9396d6be35e16fbf1ce6.json", 1690, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-trivy-bitnami_laravel-sha256_7aff7ad10ae5f405073f13f80464681073a0537f1673804c7c758b068b9ff3f1.json", 786, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-trivy-ibmcom_microclimate-portal-sha256_ed5505e5c7ecfd5fafb87cde8ec5bc35d80f9fa0a9079cc064d55d4d6f60262c.json", 3117, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-trivy-kasmweb_vlc-sha256_75fdfbcb8f3ed7f4ca7ca334324d6a078489b91d8a14cd8f3d7aecf62cb7afaf.json", 1219, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-trivy-newrelic_synthetics-minion-runner-sha256_cbfa244c7d31e471944398f7f22119ea2a7491887591a3ebd78ebf12869611d9.json", 3952, false },
        { "bom-shelter-in-the-lab-sample.zip", "in-the-lab/spdx-popular-containers/data/spdx-trivy-opensearchproject_opensearch-dashboards-sha256_47a66cd5d1841d7c2e869d1cfe8003de1251b029355e5e15b4895fb57fb89746.json", 2238, false },
    };

    [SkippableTheory]
    [MemberData(nameof(SharedDocuments))]
    public async Task Parse_SharedDocument_CountsEveryComponent(string zip, string entry, int expected, bool hasProduct)
    {
        RepoPaths.RequireShared();
        var content = await ReadShared(zip, entry);
        Assert.True(Parser.CanParse(entry, Head(content)));
        var result = await Parse(Parser, entry, content);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(expected, result.Inventory?.Components.Count);
        Assert.Equal(hasProduct, result.Inventory?.Product is not null);
    }

    [SkippableTheory]
    [InlineData("ai/example01/spdx3.0/simplehtr-example.json")]
    [InlineData("software/example1/spdx3.0/example1.json")]
    [InlineData("software/example14/spdx3.0/examplemaven-0.0.1-enriched.spdx3.json")]
    public async Task Parse_SharedSpdx3_DeclinedAndReportedUnsupported(string entry)
    {
        RepoPaths.RequireShared();
        var content = await ReadShared("spdx-examples.zip", entry);
        Assert.False(Parser.CanParse(entry, Head(content)));
        var result = await Parse(Parser, entry, content);
        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.UnsupportedFormat, Assert.Single(result.Diagnostics).Code);
    }

    // Upstream appended web-page text ("Contact Us…") after the closing brace.
    [SkippableFact]
    public async Task Parse_SharedJsonWithTrailingText_FailsWithLineAndColumn()
    {
        RepoPaths.RequireShared();
        const string Entry = "in-the-wild/spdx/powershell-2.2.6.spdx.json";
        var content = await ReadShared(InTheWild, Entry);
        Assert.True(Parser.CanParse(Entry, Head(content)));
        var result = await Parse(Parser, Entry, content);
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidJson, Entry, "2765:1"), (error.Code, error.Path, error.Location));
    }

    // The file holds tag-value despite its .json name: CanParse declines it (the tag-value parser takes it, see
    // SpdxTagValueParserTests), and if the JSON parser is made to read it anyway it reports the place, not a crash.
    [SkippableFact]
    public async Task Parse_SharedTagValueNamedJson_DeclinedOrFailsWithPlace()
    {
        RepoPaths.RequireShared();
        const string Entry = "in-the-wild/spdx/grype-sbom-modified.spdx.json";
        var content = await ReadShared(InTheWild, Entry);
        Assert.False(Parser.CanParse(Entry, Head(content)));
        var result = await Parse(Parser, Entry, content);
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidJson, Entry, "1:1"), (error.Code, error.Path, error.Location));
    }
}

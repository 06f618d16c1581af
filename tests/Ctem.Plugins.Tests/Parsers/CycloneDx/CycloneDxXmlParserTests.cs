using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.CycloneDx;

public sealed class CycloneDxXmlParserTests
{
    private static readonly CycloneDxXmlParser Parser = new();

    [Theory]
    [InlineData("sbom.cdx.xml", "", true)]
    [InlineData("app.bom.xml", "", true)]
    [InlineData("bom.xml", "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">", true)]
    [InlineData("bom.xml", "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">", false)]
    [InlineData("sbom.cdx.json", "{\"bomFormat\": \"CycloneDX\"}", false)]
    public void CanParse_ByNameOrNamespace_ClaimsCycloneDxXml(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, System.Text.Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_Version15_ReadsComponentsScopesAndGraph()
    {
        var result = await ParseFile(TestData("webapp-1.5.cdx.xml"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("shop-web", "2.4.0"), inventory.Product);
        Assert.Equal(
            [
                ("express", "4.18.2", "pkg:npm/express@4.18.2", DependencyScope.Runtime, DependencyRelation.Direct, "/bom/components/component[1]"),
                ("body-parser", "1.20.1", "pkg:npm/body-parser@1.20.1", DependencyScope.Runtime, DependencyRelation.Transitive, "/bom/components/component[1]/components/component[1]"),
                ("node", "20.11.5", "pkg:npm/%40types/node@20.11.5", DependencyScope.Optional, DependencyRelation.Direct, "/bom/components/component[2]"),
                ("jest", "29.7.0", "pkg:npm/jest@29.7.0", DependencyScope.Development, DependencyRelation.Direct, "/bom/components/component[3]"),
                ("openssl", "3.0.13", (string?)null, DependencyScope.Unspecified, DependencyRelation.Direct, "/bom/components/component[4]"),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Purl?.ToString(), c.Scope, c.Relation, c.Location.Pointer)));
    }

    [Fact]
    public async Task Parse_Version15_KeepsRefsEdgesHashesLicencesCpeAndType()
    {
        var components = (await ParseFile(TestData("webapp-1.5.cdx.xml"))).Inventory!.Components;
        var express = components[0];
        Assert.Equal("pkg:npm/express@4.18.2", express.BomRef);
        Assert.Equal(["pkg:npm/express@4.18.2|node_modules/body-parser", "openssl-3.0.13"], express.DependsOn);
        Assert.Equal("SHA-512", Assert.Single(express.Hashes).Algorithm);
        Assert.StartsWith("3b8ad7c1", express.Hashes[0].Value, StringComparison.Ordinal);
        Assert.Equal(["MIT"], express.Licenses);
        Assert.Equal("library", express.Type);
        Assert.Equal(new PackageKey("npm", "@types/node"), components[2].PackageKey);
        Assert.Equal(["MIT OR Apache-2.0"], components[2].Licenses);
        Assert.Equal(["pkg:npm/express@4.18.2"], components[3].DependsOn);
        Assert.Equal("cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*", components[4].Cpe);
        Assert.Empty(components[1].DependsOn);
    }

    [Fact]
    public async Task Parse_Version10_ReadsComponentsWithoutRefsOrGraph()
    {
        var result = await ParseFile(TestData("legacy-1.0.xml"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Null(inventory.Product);
        Assert.Equal(
            [
                ("commons-text", "1.9", "pkg:maven/org.apache.commons/commons-text@1.9?type=jar"),
                ("jackson-databind", "2.12.1", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.12.1?type=jar"),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Purl?.ToString())));
        Assert.All(inventory.Components, c => Assert.Null(c.BomRef));
        Assert.All(inventory.Components, c => Assert.Equal(DependencyRelation.Unspecified, c.Relation));
        Assert.Empty(inventory.Components[0].Licenses);
        Assert.Equal([new ComponentHash("SHA-1", "ba6ac8c2807490944a0a27f6f8e68fb5ed2e80e2")], inventory.Components[0].Hashes);
        Assert.Equal(new PackageKey("Maven", "org.apache.commons:commons-text"), inventory.Components[0].PackageKey);
    }

    [Theory]
    [InlineData("invalid-xxe.xml", "2:1")]
    [InlineData("invalid-entity-expansion.cdx.xml", "2:1")]
    public async Task Parse_Doctype_IsRefusedWithClearMessage(string file, string location)
    {
        var result = await ParseFile(TestData(file));
        Assert.Null(result.Inventory);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Equal(location, error.Location);
        Assert.Contains("DOCTYPE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Parse_SharedNmapLocalIncluder_IsRefused()
    {
        RepoPaths.RequireShared();
        var result = await ParseFile(RepoPaths.SharedData("scanners", "nmap", "libnmap__defused_et_local_includer.xml"));
        Assert.Null(result.Inventory);
        Assert.Contains("DOCTYPE", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "invalid-syntax.xml", DiagnosticCodes.InvalidJson, "6:7" },
        { "invalid-not-cyclonedx.xml", DiagnosticCodes.NotCycloneDx, "/project" },
        { "invalid-no-components.cdx.xml", DiagnosticCodes.NoComponents, "/bom/components" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string file, string code, string? location)
    {
        InventoryAssert.FailedWith(await ParseFile(TestData(file)), file, code, location);
    }

    [Fact]
    public async Task Parse_BadComponents_KeepsTheRestAndWarns()
    {
        var result = await ParseFile(TestData("mixed-bad-components.cdx.xml"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(["ok", "broken", "child-of-nameless"], inventory.Components.Select(c => c.Name));
        Assert.Null(inventory.Components[1].Purl);
        Assert.Equal(
            [(DiagnosticCodes.InvalidPurl, "/bom/components/component[2]/purl"), (DiagnosticCodes.NotCycloneDx, "/bom/components/component[3]")],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_TruncatedUtf8_IsDiagnosticNotException()
    {
        var bytes = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components><component><name>x"u8.ToArray()
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat("</name></component></components></bom>"u8.ToArray())
            .ToArray();
        using var stream = new MemoryStream(bytes);
        var result = await Parser.ParseAsync(new InputSource("bad-utf8.xml", stream), CancellationToken.None);
        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(result.Diagnostics).Code);
    }

    // Expected counts were taken independently with Python's xml.etree: every <component> whose parent is a
    // <components> element, at any depth, outside <metadata>. The graph column says whether <dependencies> exists.
    public static TheoryData<string, string, int, bool> SharedSboms => new()
    {
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/archivist-shell-cdx.xml", 139, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/elixir-cdx.xml", 584, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/mediawiki-cdx.xml", 196, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/perl-cdx.xml", 419, false },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/traefix-cdx.xml", 266, false },
        { "cyclonedx-bom-examples.zip", "SBOM/cern-lhc-vdm-editor-e564943/bom.xml", 43, false },
        { "cyclonedx-bom-examples.zip", "SBOM/dropwizard-1.3.15/bom.xml", 167, true },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/v11.1.2/bom.xml", 840, false },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/bare/bom.1.2.xml", 1115, true },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/bare/bom.1.3.xml", 1115, true },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/bare/bom.1.4.xml", 1115, true },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/flat/bom.1.2.xml", 1115, true },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/flat/bom.1.3.xml", 1115, true },
        { "cyclonedx-bom-examples.zip", "SBOM/juice-shop/via_npm/flat/bom.1.4.xml", 1115, true },
        { "cyclonedx-bom-examples.zip", "SBOM/keycloak-10.0.2/bom.xml", 903, true },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.1.xml", 62, false },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.2.xml", 62, true },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.3.xml", 62, true },
        { "cyclonedx-bom-examples.zip", "SBOM/laravel-7.12.0/bom.1.4.xml", 62, true },
        { "cyclonedx-bom-examples.zip", "SBOM/proton-bridge/proton-bridge-v1.6.3.bom.xml", 201, true },
        { "cyclonedx-bom-examples.zip", "SBOM/proton-bridge/proton-bridge-v1.8.0.bom.xml", 201, true },
        { "cyclonedx-bom-examples.zip", "SBOM/protonmail-webclient-v4-0912dff/bom.xml", 883, false },
    };

    [SkippableTheory]
    [MemberData(nameof(SharedSboms))]
    public async Task Parse_SharedSbom_CountsEveryComponent(string zip, string entry, int expected, bool hasGraph)
    {
        RepoPaths.RequireShared();
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", zip));
        Assert.True(Parser.CanParse(entry, ReadHead(archive, entry)));
        await using var content = archive.GetEntry(entry)!.Open();
        var result = await Parser.ParseAsync(new InputSource(entry, content), CancellationToken.None);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(expected, inventory.Components.Count);
        Assert.Equal(hasGraph, inventory.Components.Any(c => c.DependsOn.Count > 0));
    }

    // No XML SBOM in the shared data declares services: the SaaSBOM example, written out as XML, must read as its JSON does.
    [SkippableFact]
    public async Task Parse_SaaSBomAsXml_ReadsTheServicesItsJsonOriginalDoes()
    {
        var json = await InventoryAssert.ParseSharedSbomAsync(new CycloneDxJsonParser(), "cyclonedx-bom-examples.zip", "SaaSBOM/apigateway-microservices-datastores/bom.json");

        var xml = await ParseFile(TestData("saasbom-1.4.cdx.xml"));

        Assert.Empty(xml.Diagnostics);
        Assert.Empty(xml.Inventory!.Components);
        Assert.Equal(json.Inventory!.Services.Select(Facts), xml.Inventory.Services.Select(Facts));
        Assert.Equal("/bom/services/service[1]/services/service[4]", xml.Inventory.Services.Single(s => s.Name == "Postgres").Location.Pointer);
    }

    [Fact]
    public async Task Parse_Version15Services_ReadsTrustZoneDataFlowsProviderAndCalls()
    {
        var services = (await ParseFile(TestData("services-1.5.cdx.xml"))).Inventory!.Services;

        Assert.Equal(
            [
                "Checkout checkout top dmz boundary=True authenticated=True endpoints=https://shop.example/checkout data=PII(outbound) calls=payments provider=",
                "Payments API payments top  boundary= authenticated= endpoints= data= calls= provider=Payments Inc",
            ],
            services.Select(Facts));
    }

    private static string Facts(DeclaredService s) =>
        $"{s.Name} {s.BomRef} {(s.TopLevel ? "top" : "nested")} {s.TrustZone} boundary={s.TrustBoundary} authenticated={s.Authenticated} " +
        $"endpoints={string.Join(' ', s.Endpoints)} data={string.Join(' ', s.Data.Select(d => $"{d.Classification}({d.Flow})"))} calls={string.Join(' ', s.Calls)} provider={s.Provider}";

    private static byte[] ReadHead(ZipArchive archive, string entry)
    {
        using var stream = archive.GetEntry(entry)!.Open();
        var buffer = new byte[4096];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static async Task<InventoryResult> ParseFile(string path)
    {
        await using var stream = File.OpenRead(path);
        return await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "CycloneDx", "testdata", file);
}

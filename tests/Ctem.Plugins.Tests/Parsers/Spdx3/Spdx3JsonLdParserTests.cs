using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Spdx3;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Spdx3;

public sealed class Spdx3JsonLdParserTests
{
    private static readonly Spdx3JsonLdParser Parser = new();

    [Theory]
    [InlineData("sbom.spdx3.json", "{", true)]
    [InlineData("sbom.spdx.jsonld", "{", true)]
    [InlineData("sbom.json", "{\n  \"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",", true)]
    [InlineData("sbom.json", "{\n  \"spdxVersion\": \"SPDX-2.3\",", false)]
    [InlineData("sbom.spdx.json", "{\n  \"spdxVersion\": \"SPDX-2.3\",", false)]
    [InlineData("sbom.spdx3.json", "SPDXVersion: SPDX-2.3", false)]
    public void CanParse_ByNameOrContext_ClaimsSpdx3JsonLd(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, System.Text.Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_AppBomination_ReadsProductPackagesAndGraph()
    {
        var result = await ParseFile(TestData("appbomination.spdx3.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("App-BOM-ination", "1.0"), inventory.Product);
        Assert.Equal(
            [
                ("Faust Proprietary File", null, null, DependencyScope.Unspecified, DependencyRelation.Transitive, "/@graph/97"),
                ("Gradle", null, null, DependencyScope.Unspecified, DependencyRelation.Transitive, "/@graph/98"),
                ("hamcrest-core", "1.3", "pkg:maven/org.hamcrest/hamcrest-core@1.3", DependencyScope.Unspecified, DependencyRelation.Transitive, "/@graph/99"),
                ("junit", "4.12", "pkg:maven/junit/junit@4.12", DependencyScope.Test, DependencyRelation.Direct, "/@graph/100"),
                ("commons-lang3", "3.4", "pkg:maven/org.apache.commons/commons-lang3@3.4", DependencyScope.Unspecified, DependencyRelation.Direct, "/@graph/101"),
                ("slf4j-api", "1.7.21", "pkg:maven/org.slf4j/slf4j-api@1.7.21", DependencyScope.Unspecified, DependencyRelation.Direct, "/@graph/102"),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Purl?.ToString(), c.Scope, c.Relation, c.Location.Pointer)));
        var junit = inventory.Components[3];
        Assert.Equal([inventory.Components[2].BomRef!], junit.DependsOn);
        Assert.EndsWith("/SPDXRef-gnrtd76", junit.BomRef, StringComparison.Ordinal);
        Assert.Equal(new PackageKey("Maven", "junit:junit"), junit.PackageKey);
    }

    [Fact]
    public async Task Parse_DescribesTwoElementsOnlyOnePackage_ThatPackageIsTheProduct()
    {
        var result = await ParseFile(TestData("k8s-releng-sbom.spdx3.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("hello-server-src", "0.1.0"), inventory.Product);
        Assert.Equal(
            [
                ("hyper", "pkg:cargo/hyper@0.14", DependencyScope.Development, DependencyRelation.Direct),
                ("tokio", "pkg:cargo/tokio@1.19.2", DependencyScope.Development, DependencyRelation.Direct),
                ("pretty_env_logger", "pkg:cargo/pretty_env_logger@0.4.0", DependencyScope.Development, DependencyRelation.Direct),
            ],
            inventory.Components.Select(c => (c.Name, c.Purl?.ToString(), c.Scope, c.Relation)));
    }

    [Fact]
    public async Task Parse_ExternalIdentifiers_ReadsPurlCpeHashLicenceAndScopes()
    {
        var result = await ParseFile(TestData("identifiers.spdx3.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ProductRef("payments-api", "3.2.0"), inventory.Product);
        Assert.Equal(
            [
                ("Flask", "2.3.3", "pkg:pypi/flask@2.3.3", DependencyScope.Runtime, DependencyRelation.Direct),
                ("Werkzeug", "2.3.7", "pkg:pypi/werkzeug@2.3.7", DependencyScope.Unspecified, DependencyRelation.Transitive),
                ("pytest", "7.4.2", "pkg:pypi/pytest@7.4.2", DependencyScope.Test, DependencyRelation.Direct),
            ],
            inventory.Components.Select(c => (c.Name, c.Version, c.Purl?.ToString(), c.Scope, c.Relation)));
        var flask = inventory.Components[0];
        Assert.Equal("urn:example:flask", flask.BomRef);
        Assert.Equal(["urn:example:werkzeug"], flask.DependsOn);
        Assert.Equal("cpe:2.3:a:palletsprojects:flask:2.3.3:*:*:*:*:python:*:*", flask.Cpe);
        Assert.Equal([new ComponentHash("sha256", "f69fcd559dc907ed196ab9df0e48471709175e696d6e698dd4dbe940f96ce66b")], flask.Hashes);
        Assert.Equal(["BSD-3-Clause"], flask.Licenses);
        Assert.Equal("library", flask.Type);
        Assert.Equal(new PackageKey("PyPI", "flask"), flask.PackageKey);
    }

    [Fact]
    public async Task Parse_BadPackages_KeepsTheRestAndWarns()
    {
        var result = await ParseFile(TestData("mixed-bad-packages.spdx3.json"));
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Null(inventory.Product);
        Assert.Equal(["ok", "broken"], inventory.Components.Select(c => c.Name));
        Assert.Null(inventory.Components[1].Purl);
        Assert.Equal(
            [
                (DiagnosticCodes.UnsupportedFormat, "/@graph/0"),
                (DiagnosticCodes.InvalidPurl, "/@graph/2/software_packageUrl"),
                (DiagnosticCodes.UnsupportedFormat, "/@graph/3"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "invalid-syntax.spdx3.json", DiagnosticCodes.InvalidJson, "5:5" },
        { "invalid-not-spdx3.json", DiagnosticCodes.UnsupportedFormat, "/@context" },
        { "invalid-no-graph.spdx3.json", DiagnosticCodes.UnsupportedFormat, "/@graph" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string file, string code, string? location)
    {
        InventoryAssert.FailedWith(await ParseFile(TestData(file)), file, code, location);
    }

    [Fact]
    public async Task Parse_InvalidUtf8_IsDiagnosticNotException()
    {
        var bytes = "{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\", \"@graph\": [{\"type\": \"software_Package\", \"name\": \"x"u8.ToArray()
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat("\"}]}"u8.ToArray())
            .ToArray();
        using var stream = new MemoryStream(bytes);
        var result = await Parser.ParseAsync(new InputSource("bad.spdx3.json", stream), CancellationToken.None);
        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(result.Diagnostics).Code);
    }

    // Expected values were taken independently with Python's json module: the software_Package, ai_AIPackage and
    // dataset_DatasetPackage elements of @graph, less the product, which is the one package among the SpdxDocument's
    // rootElement (followed through software_Sbom rootElement) and what the document or SBOM "describes".
    public static TheoryData<string, int, string?> SharedDocuments => new()
    {
        { "ai/example01/spdx3.0/simplehtr-example.json", 12, "SimpleHTR" },
        { "ai/example02/spdx3.0/sbom.spdx3.json", 1, "Sentiment Demo: A Simple AI Application and its AI BOM Example" },
        { "dataset/example01/spdx3.0/example01.spdx3.json", 0, "Our World in Data CO2 and Greenhouse Gas Emissions dataset" },
        { "software/example1/spdx3.0/example1.json", 0, "hello" },
        { "software/example10/spdx3.0/hello-source.spdx3.json", 0, "hello" },
        { "software/example11/spdx3.0/sbom.spdx3.json", 3, "hello-server-src" },
        { "software/example12/spdx3.0/hello-dist.spdx3.json", 0, "hello" },
        { "software/example12/spdx3.0/hello-src.spdx3.json", 0, "hello" },
        { "software/example13/spdx3.0/example13.spdx3.json", 3, "Acme Application" },
        { "software/example14/content/examplemaven-0.0.1.spdx3.json", 5, "examplemaven" },
        { "software/example14/spdx3.0/examplemaven-0.0.1-enriched.spdx3.json", 5, "examplemaven" },
        { "software/example3/spdx3.0/example3-bin.json", 0, "main-bin" },
        { "software/example3/spdx3.0/example3-src.json", 0, "main-src" },
        { "software/example4/spdx3.0/example4-bin.json", 2, "main-bin" },
        { "software/example4/spdx3.0/example4-src.json", 0, "main-src" },
        { "software/example5/spdx3.0/example5-bin.json", 0, "hello-go-bin" },
        { "software/example5/spdx3.0/example5-src.json", 0, "hello-go-src" },
        { "software/example6/spdx3.0/example6-bin.json", 0, "hello-go-bin" },
        { "software/example6/spdx3.0/example6-lib.json", 4, "go-1.15" },
        { "software/example6/spdx3.0/example6-src.json", 0, "hello-go-src" },
        { "software/example7/spdx3.0/example7-go-module.spdx3.json", 0, "example.com/hello" },
        { "software/example7/spdx3.0/example7-golang.spdx3.json", 0, "go1.16.4.linux-amd64.tar.gz" },
        { "software/example7/spdx3.0/example7-third-party-modules.spdx3.json", 2, null },
        { "software/example8/spdx3.0/examplemaven-0.0.1.spdx3.json", 5, "examplemaven" },
        { "software/example9/spdx3.0/appbomination.spdx3.json", 6, "App-BOM-ination" },
    };

    [SkippableTheory]
    [MemberData(nameof(SharedDocuments))]
    public async Task Parse_SharedDocument_CountsPackagesAndFindsProduct(string entry, int expected, string? product)
    {
        RepoPaths.RequireShared();
        var result = await ParseShared(entry);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var inventory = Assert.IsType<Inventory>(result.Inventory);
        Assert.Equal(expected, inventory.Components.Count);
        Assert.Equal(product, inventory.Product?.Name);

        // A document whose only package is its product says so, rather than failing.
        Assert.Equal(expected == 0, result.Diagnostics.Any(d => d.Code == DiagnosticCodes.NoComponents));
    }

    [SkippableFact]
    public async Task Parse_SharedDocumentWithoutPackages_FailsWithNoComponents()
    {
        RepoPaths.RequireShared();
        var result = await ParseShared("software/example7/spdx3.0/example7-bin.spdx3.json");
        Assert.Null(result.Inventory);
        Assert.Equal(DiagnosticCodes.NoComponents, Assert.Single(result.Diagnostics).Code);
    }

    private static async Task<InventoryResult> ParseShared(string entry)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", "spdx-examples.zip"));
        await using var content = archive.GetEntry(entry)!.Open();
        return await Parser.ParseAsync(new InputSource(entry, content), CancellationToken.None);
    }

    private static async Task<InventoryResult> ParseFile(string path)
    {
        await using var stream = File.OpenRead(path);
        return await Parser.ParseAsync(new InputSource(path, stream), CancellationToken.None);
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Spdx3", "testdata", file);
}

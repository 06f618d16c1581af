using System.Text;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Plugins.Parsers.Spdx;
using Ctem.Plugins.Writers.CycloneDx;
using Ctem.Plugins.Writers.Spdx;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Writers;

public sealed class SbomWriterTests
{
    private static readonly SbomMetadata Metadata = new("ctem", "0.1.0", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string> Goldens => new()
    {
        { "cyclonedx-json", "crafted.cdx.json" },
        { "cyclonedx-xml", "crafted.cdx.xml" },
        { "spdx-json", "crafted.spdx.json" },
    };

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Write_CraftedInventory_MatchesGolden(string format, string golden)
    {
        Golden.Verify(Write(Writer(format), Crafted()), golden);
    }

    [Fact]
    public void Write_SameInventoryTwice_IsByteIdentical()
    {
        foreach (var writer in BuiltInPlugins.SbomWriters)
        {
            Assert.Equal(Write(writer, Crafted()), Write(writer, Crafted()));
        }
    }

    [SkippableTheory]
    [InlineData("cyclonedx-json", "cyclonedx/bom-1.6.schema.json")]
    [InlineData("spdx-json", "spdx/spdx-schema-2.3.json")]
    public async Task Write_DemoAndCrafted_ValidAgainstOfficialSchema(string format, string schema)
    {
        var writer = Writer(format);
        Assert.Empty(OfficialSchemas.Errors(schema, Write(writer, Crafted())));
        Assert.Empty(OfficialSchemas.Errors(schema, Write(writer, await DemoAsync())));
    }

    [Fact]
    public async Task Convert_CycloneDxToSpdxAndBack_KeepsEveryComponentAndPurl()
    {
        var demo = await DemoAsync();
        var expected = demo.Components.Select(c => c.Purl!.ToString()).ToHashSet(StringComparer.Ordinal);

        var spdx = Write(new SpdxJsonWriter(), demo);
        var fromSpdx = await ParseAsync(new SpdxJsonParser(), "demo.spdx.json", spdx);
        var cdx = Write(new CycloneDxJsonWriter(), fromSpdx);
        var back = await ParseAsync(new CycloneDxJsonParser(), "demo.cdx.json", cdx);

        Assert.Equal(expected, fromSpdx.Components.Select(c => c.Purl!.ToString()).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(expected, back.Components.Select(c => c.Purl!.ToString()).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(demo.Product, back.Product);
    }

    [Fact]
    public async Task Write_CycloneDxJson_KeepsGraphScopeAndDirectness()
    {
        var back = await ParseAsync(new CycloneDxJsonParser(), "crafted.cdx.json", Write(new CycloneDxJsonWriter(), Crafted()));
        var express = back.Components.Single(c => c.Name == "express");
        Assert.Equal((DependencyRelation.Direct, DependencyScope.Runtime), (express.Relation, express.Scope));
        Assert.Single(express.DependsOn);
        Assert.Equal(DependencyRelation.Transitive, back.Components.Single(c => c.Name == "debug").Relation);
        Assert.Equal(DependencyScope.Development, back.Components.Single(c => c.Name == "jest").Scope);
    }

    private static Inventory Crafted()
    {
        static Component Make(string name, string version, string bomRef) =>
            new(name, version, PackageUrl.Parse($"pkg:npm/{name}@{version}").Value, bomRef, new SourceLocation("package-lock.json", $"/packages/node_modules~1{name}"));

        return new Inventory(new ProductRef("web-shop", "2.4.0"),
        [
            Make("express", "4.17.1", "express@4.17.1") with
            {
                Scope = DependencyScope.Runtime,
                Relation = DependencyRelation.Direct,
                DependsOn = ["debug@2.6.9"],
                Licenses = ["MIT"],
                Hashes = [new ComponentHash("sha512", "reNRU2PTpzLe1HvhKT5cpyqfNunnsIbgXjtCKipmZtbzTJOaUkBUfoM9h1akR0Ir8m9P0kr+Qz17vOEbPj2U+A==")],
            },
            Make("debug", "2.6.9", "debug@2.6.9") with
            {
                Scope = DependencyScope.Runtime,
                Relation = DependencyRelation.Transitive,
                Licenses = ["MIT OR Apache-2.0"],
            },
            Make("jest", "29.7.0", "jest@29.7.0") with { Scope = DependencyScope.Development, Relation = DependencyRelation.Direct, Hashes = [new ComponentHash("md4", "00")] },
            new("internal-tool", "1.0", null, null, new SourceLocation("manual", null)) { Licenses = ["Proprietary license"] },
        ]);
    }

    private static async Task<Inventory> DemoAsync()
    {
        var path = Path.Combine(RepoPaths.Samples, "demo", "sbom", "harp-darwin-amd64.sbom.json");
        await using var stream = File.OpenRead(path);
        return (await new CycloneDxJsonParser().ParseAsync(new InputSource(path, stream), CancellationToken.None)).Inventory!;
    }

    private static async Task<Inventory> ParseAsync(IInventoryParser parser, string name, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var result = await parser.ParseAsync(new InputSource(name, stream), CancellationToken.None);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result.Inventory!;
    }

    private static ISbomWriter Writer(string format) => BuiltInPlugins.SbomWriters.Single(w => w.Format == format);

    private static string Write(ISbomWriter writer, Inventory inventory)
    {
        using var buffer = new MemoryStream();
        writer.Write(inventory, Metadata, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

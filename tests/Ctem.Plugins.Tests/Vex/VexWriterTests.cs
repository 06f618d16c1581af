using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Vex;

public sealed class VexWriterTests
{
    public static TheoryData<string, string, string> Formats => new()
    {
        { "openvex", "shop.openvex.json", "openvex/openvex_json_schema.json" },
        { "cyclonedx", "shop.cdx.json", "cyclonedx/bom-1.6.schema.json" },
        { "csaf", "shop.csaf.json", "csaf/csaf_json_schema.json" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_Shop_MatchesGolden(string format, string golden, string schema)
    {
        _ = schema;
        Golden.Verify(VexHarness.Write(VexHarness.Writer(format), VexExports.Shop()), golden);
    }

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public void Write_ShopAndEveryState_ValidAgainstOfficialSchema(string format, string golden, string schema)
    {
        _ = golden;
        var writer = VexHarness.Writer(format);
        Assert.Empty(OfficialSchemas.Errors(schema, VexHarness.Write(writer, VexExports.Shop())));
        Assert.Empty(OfficialSchemas.Errors(schema, VexHarness.Write(writer, VexExports.EveryStateAndJustification())));
    }

    // The validation above must be able to fail: each schema rejects our output without a property it requires.
    [SkippableTheory]
    [InlineData("openvex", "openvex/openvex_json_schema.json", "\"@context\"")]
    [InlineData("cyclonedx", "cyclonedx/bom-1.6.schema.json", "\"bomFormat\"")]
    [InlineData("csaf", "csaf/csaf_json_schema.json", "\"csaf_version\"")]
    public void Write_WithoutARequiredProperty_SchemaComplains(string format, string schema, string property)
    {
        var text = VexHarness.Write(VexHarness.Writer(format), VexExports.Shop());

        Assert.NotEmpty(OfficialSchemas.Errors(schema, text.Replace(property, "\"x-renamed\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_SameDataInAnotherOrder_IsByteIdentical()
    {
        var export = VexExports.EveryStateAndJustification();
        var shuffled = export with { Statements = export.Statements.Reverse().ToList() };
        foreach (var writer in BuiltInPlugins.VexWriters)
        {
            Assert.Equal(VexHarness.Write(writer, export), VexHarness.Write(writer, shuffled));
        }
    }

    [Fact]
    public void Write_OtherData_OtherDocumentId()
    {
        var export = VexExports.Shop();
        var changed = export with { Statements = [.. export.Statements.Skip(1)] };
        foreach (var writer in BuiltInPlugins.VexWriters)
        {
            var (before, after) = (VexHarness.Write(writer, export), VexHarness.Write(writer, changed));
            var reader = VexHarness.ReaderFor(writer.Format);
            Assert.NotEqual(ReadBack(reader, writer.Format, before).Id, ReadBack(reader, writer.Format, after).Id);
        }
    }

    // Every state × justification comes back as written: the exact justification where a format's are coarser
    // (CycloneDX), false_positive where a format has none (OpenVEX, CSAF), no action where a format requires one.
    [Theory]
    [InlineData("openvex")]
    [InlineData("cyclonedx")]
    [InlineData("csaf")]
    public void WriteThenRead_EveryStateAndJustification_SameStatements(string format)
    {
        var export = VexExports.EveryStateAndJustification();
        var text = VexHarness.Write(VexHarness.Writer(format), export);
        var reader = VexHarness.Detect(VexHarness.FileName(format), System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(VexHarness.ReaderFor(format).Name, reader?.Name);

        var document = ReadBack(reader!, format, text);

        Assert.Equal(Facts(export.Statements), Facts(document.Statements));
        Assert.Equal(export.Author.Name, document.Author);
    }

    [Theory]
    [InlineData("openvex")]
    [InlineData("cyclonedx")]
    public void WriteThenRead_StatementTimes_KeptElseTheExportTime(string format)
    {
        var export = VexExports.EveryStateAndJustification();
        var document = ReadBack(VexHarness.ReaderFor(format), format, VexHarness.Write(VexHarness.Writer(format), export));

        Assert.Equal(
            export.Statements.Select(s => (s.VulnerabilityId, s.Targets[0].Purl, s.Timestamp ?? export.Timestamp)).Order(),
            document.Statements.Select(s => (s.VulnerabilityId, s.Targets[0].Purl, s.Timestamp!.Value)).Order());
    }

    [Theory]
    [InlineData("openvex", "web-shop")]
    [InlineData("cyclonedx", "web-shop")]
    [InlineData("csaf", "web-shop 2.4.0")]
    public void WriteThenRead_Shop_EvidenceAndProductAsTheFormatCarriesThem(string format, string product)
    {
        var document = ReadBack(VexHarness.ReaderFor(format), format, VexHarness.Write(VexHarness.Writer(format), VexExports.Shop()));
        var lodash = document.Statements.Single(s => s.VulnerabilityId == "CVE-2021-23337");

        Assert.Equal(["GHSA-35jh-r3h4-6jhm"], lodash.Aliases);
        Assert.Equal(format == "openvex" ? null : product, lodash.Product);
        Assert.Equal(
            format == "csaf" ? [] : ["No call to _.template in the application's code.", "Reachability analysis by ctem 0.1.0."],
            lodash.Evidence);
    }

    private static VexDocument ReadBack(Ctem.Core.Extensibility.IVexReader reader, string format, string text)
    {
        var result = VexHarness.ReadText(reader, VexHarness.FileName(format), text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        return result.Document!;
    }

    private static List<string> Facts(IEnumerable<VexStatement> statements) =>
        statements
            .Select(s => $"{s.VulnerabilityId} [{string.Join(",", s.Aliases)}] {string.Join(",", s.Targets.Select(t => t.Purl))} {s.State} {s.Justification} detail={s.Detail} action={s.ActionStatement}")
            .Order(StringComparer.Ordinal)
            .ToList();
}

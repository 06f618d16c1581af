using Ctem.Core.Model;
using Ctem.Plugins.Parsers.CisaKev;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.CisaKev;

public sealed class CisaKevParserTests
{
    [Fact]
    public void ParseJson_Subset_ReadsCatalogueAndEntries()
    {
        var catalog = ParseKev(new CisaKevJsonParser(), "kev-subset.json");
        Assert.Equal("2025.08.25", catalog.CatalogVersion);
        Assert.Equal(new DateTimeOffset(2025, 8, 25, 17, 4, 19, TimeSpan.Zero).AddTicks(9_796_000), catalog.DateReleased);
        var log4shell = Assert.Single(catalog.Entries, e => e.CveId == "CVE-2021-44228");
        Assert.Equal(new DateOnly(2021, 12, 10), log4shell.DateAdded);
        Assert.Equal(new DateOnly(2021, 12, 24), log4shell.DueDate);
        Assert.Equal("Known", log4shell.KnownRansomwareCampaignUse);
        Assert.Equal("Apache", log4shell.VendorProject);
    }

    [Fact]
    public void ParseCsv_Subset_SameEntriesAsJsonAndWarnsOnBadRow()
    {
        var parser = new CisaKevCsvParser();
        var content = File.ReadAllBytes(TestData("kev-subset.csv"));
        Assert.True(parser.CanParse("kev-subset.csv", content));

        var result = parser.Parse("kev-subset.csv", content);

        var catalog = Assert.IsType<KevCatalog>(result.Feed);
        var json = ParseKev(new CisaKevJsonParser(), "kev-subset.json");
        Assert.Equal(json.Entries.OrderBy(e => e.CveId), catalog.Entries.OrderBy(e => e.CveId));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("5", warning.Location);
    }

    [Fact]
    public void CanParse_OsvRecord_IsNotKev() =>
        Assert.False(new CisaKevJsonParser().CanParse("GO-1.json", "{\"id\": \"GO-1\", \"modified\": \"x\"}"u8));

    [SkippableFact]
    public void Parse_SharedCatalogue_JsonAndCsvAgreeOnAll1404()
    {
        RepoPaths.RequireShared();
        var json = (KevCatalog)new CisaKevJsonParser().Parse("kev.json", File.ReadAllBytes(RepoPaths.SharedData("kev", "known_exploited_vulnerabilities.json"))).Feed!;
        var csv = new CisaKevCsvParser().Parse("kev.csv", File.ReadAllBytes(RepoPaths.SharedData("kev", "known_exploited_vulnerabilities.csv")));
        Assert.Empty(csv.Diagnostics);
        var csvCatalog = (KevCatalog)csv.Feed!;
        Assert.Equal(1404, json.Entries.Count);
        Assert.Equal(json.Entries.OrderBy(e => e.CveId), csvCatalog.Entries.OrderBy(e => e.CveId));
    }

    private static KevCatalog ParseKev(CisaKevJsonParser parser, string file)
    {
        var result = parser.Parse(file, File.ReadAllBytes(TestData(file)));
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<KevCatalog>(result.Feed);
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "CisaKev", "testdata", file);
}

using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Cve;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Cve;

/// <summary>
/// CVE JSON 5.x (cisagov/vulnrichment) and NVD CVE API 2.0 records from the shared data. Expected counts were taken
/// independently with Python's json module over the same zips.
/// </summary>
public sealed class CveRecordParserTests
{
    public static TheoryData<string, int, int, int, int, int, int> VulnrichmentZips => new()
    {
        // zip, records, rejected (state), with CISA SSVC, CNA vectors, CISA-ADP vectors, CWEs
        { "vulnrichment-cve5-2022.zip", 2127, 3, 2124, 1347, 188, 858 },
        { "vulnrichment-cve5-2024-00000-02999.zip", 2295, 4, 2291, 2943, 176, 1263 },
    };

    [SkippableTheory]
    [MemberData(nameof(VulnrichmentZips))]
    public void CveJson5_Vulnrichment_EveryRecordWithEveryContainersMetrics(string zip, int records, int rejected, int ssvc, int cna, int adp, int cwes)
    {
        RepoPaths.RequireShared();
        var parser = new CveJson5Parser();
        var read = Entries(RepoPaths.SharedData("cve", zip)).Select(e => (e.Name, Result: parser.CanParse(e.Name, e.Content) ? parser.Parse(e.Name, e.Content) : null)).ToList();

        Assert.All(read, r => Assert.True(r.Result is { Diagnostics.Count: 0, Records.Count: 1 }, r.Name));
        var parsed = read.Select(r => r.Result!.Records[0]).ToList();
        Assert.Equal(records, parsed.Count);
        Assert.Equal(rejected, parsed.Count(r => r.Status == "REJECTED"));
        Assert.Equal(ssvc, parsed.Count(r => r.Ssvc is not null));
        Assert.Equal(cna, parsed.Sum(r => r.Cvss.Count(c => c.Source == "cve:cna")));
        Assert.Equal(adp, parsed.Sum(r => r.Cvss.Count(c => c.Source == "cve:adp:CISA-ADP")));
        Assert.Equal(cwes, parsed.Sum(r => r.Cwes.Count));
        Assert.All(parsed.Where(r => r.Ssvc is not null), r => Assert.Equal("cve:adp:CISA-ADP", r.Ssvc!.Source));
        Assert.All(parsed.Select(r => r.Ssvc).OfType<SsvcPoints>(), s => Assert.Contains(s.Exploitation, (string?[])["none", "public-poc", "active"]));
    }

    [SkippableFact]
    public void CveJson5_OneRecord_CnaAndAdpLabelledAndSsvcAsCisaSpellsIt()
    {
        RepoPaths.RequireShared();
        var entry = Entries(RepoPaths.SharedData("cve", "vulnrichment-cve5-2024-00000-02999.zip")).Single(e => e.Name.EndsWith("CVE-2024-0001.json", StringComparison.Ordinal));

        var record = Assert.Single(new CveJson5Parser().Parse(entry.Name, entry.Content).Records);

        Assert.Equal(("CVE-2024-0001", "cve", "PUBLISHED"), (record.CveId, record.Database, record.Status));
        Assert.Equal(new CvssCandidate("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "cve:cna"), Assert.Single(record.Cvss));
        Assert.Equal(new CveWeakness("CWE-1188", "cve:cna"), Assert.Single(record.Cwes));
        Assert.Equal(("none", "no", "total", "cve:adp:CISA-ADP"), (record.Ssvc!.Exploitation, record.Ssvc.Automatable, record.Ssvc.TechnicalImpact, record.Ssvc.Source));
        Assert.Equal(new DateTimeOffset(2024, 9, 23, 17, 51, 47, TimeSpan.Zero), record.Ssvc.Timestamp!.Value.AddTicks(-record.Ssvc.Timestamp.Value.Ticks % TimeSpan.TicksPerSecond));
    }

    [SkippableFact]
    public void Nvd_ApiPagesAndLegacyFeed_OfTheOsvDevTestData()
    {
        RepoPaths.RequireShared();
        var parser = new NvdApiParser();
        var entries = Entries(RepoPaths.SharedData("cve", "samples", "osv-dev-vulnfeeds-testdata.zip")).ToList();
        var api = entries.Where(e => e.Name.StartsWith("nvdcve-2.0/", StringComparison.Ordinal)).ToList();
        var legacy = entries.Single(e => e.Name == "nvdcve-1.1-test-data.json");

        Assert.All(api.Append(legacy), e => Assert.True(parser.CanParse(e.Name, e.Content), e.Name));
        var pages = api.Select(e => parser.Parse(e.Name, e.Content)).ToList();
        var records = pages.SelectMany(p => p.Records).ToList();
        var feed = parser.Parse(legacy.Name, legacy.Content);

        Assert.All(pages, p => Assert.Empty(p.Diagnostics));
        Assert.Equal(23, records.Count);
        Assert.Equal((28, 10), (records.Sum(r => r.Cvss.Count(c => c.Source == "nvd:primary")), records.Sum(r => r.Cvss.Count(c => c.Source.StartsWith("nvd:secondary:", StringComparison.Ordinal)))));
        Assert.Equal(21, records.Count(r => r.CpeConfigurationsJson is not null));
        Assert.Equal(10, records.Count(r => r.Status == "Modified"));
        var webp = records.Single(r => r.CveId == "CVE-2023-4863");
        Assert.Equal(new CvssCandidate("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", "nvd:primary"), Assert.Single(webp.Cvss));
        Assert.Contains(new CveWeakness("CWE-787", "nvd:primary"), webp.Cwes);
        Assert.Empty(feed.Diagnostics);
        Assert.Equal(669, feed.Records.Count);
        Assert.Equal(356 + 4, feed.Records.Sum(r => r.Cvss.Count));

        // The vulnerable CPEs of both shapes, each distinct per record (counted apart with Python).
        Assert.Equal(52, records.Sum(r => NvdConfigurations.VulnerableCpes(r.CpeConfigurationsJson).Count));
        Assert.Equal(668, feed.Records.Sum(r => NvdConfigurations.VulnerableCpes(r.CpeConfigurationsJson).Count));
        var smoothie = Assert.Single(NvdConfigurations.VulnerableCpes(records.Single(r => r.CveId == "CVE-2022-25929").CpeConfigurationsJson));
        Assert.Equal(("smoothiecharts", "smoothie_charts", "node.js"), (smoothie.Vendor, smoothie.Product, smoothie.TargetSoftware));
    }

    [Theory]
    [InlineData("""{"id": "GHSA-xxxx", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2024-1"]}""", false, false)]
    [InlineData("""{"dataType": "CVE_RECORD", "dataVersion": "5.1", "cveMetadata": {"state": "PUBLISHED"}}""", true, false)]
    [InlineData("""{"format": "NVD_CVE", "version": "2.0", "vulnerabilities": []}""", false, true)]
    public void CanParse_DecidesOnContent(string json, bool cve5, bool nvd)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        Assert.Equal((cve5, nvd), (new CveJson5Parser().CanParse("CVE-2024-1.json", bytes), new NvdApiParser().CanParse("CVE-2024-1.json", bytes)));
    }

    [Theory]
    [InlineData("""{"dataType": "CVE_RECORD", "cveMetadata": {"state": "PUBLISHED"}}""", DiagnosticCodes.NotACveRecord, "/cveMetadata")]
    [InlineData("""{"dataType": "CVE_RECORD", "cveMetadata": """, DiagnosticCodes.InvalidJson, "1:43")]
    public void CveJson5_BadRecord_RejectedWithPlace(string json, string code, string place)
    {
        var result = new CveJson5Parser().Parse("bad.json", System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Empty(result.Records);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, place), (error.Code, error.Location));
    }

    private static IEnumerable<(string Name, byte[] Content)> Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            yield return (entry.FullName, memory.ToArray());
        }
    }
}

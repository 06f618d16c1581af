using System.IO.Compression;
using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>CVE records joined to findings: the chosen CVSS and its source, every candidate, CISA's SSVC; on the demo's real data and CISA's vulnrichment records.</summary>
public sealed class CveRecordTests
{
    private const string Harp = "github.com/elastic/harp";

    [SkippableFact]
    public async Task Scan_WithVulnrichmentRecords_FindingTakesCisasVectorAndSsvc_AndSaysSo()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var import = await fixture.RunAsync("db", "import", RepoPaths.SharedData("cve", "vulnrichment-cve5-2022.zip"), "--format", "json");
        await fixture.RunAsync("scan", CliFixture.DemoSbom);

        var finding = Finding(await fixture.RunAsync("findings", "--format", "json"), "CVE-2022-30636");
        var explained = await fixture.RunAsync("findings", "--explain", "CVE-2022-30636");
        var status = Json(await fixture.RunAsync("db", "status", "--format", "json"));

        var records = Json(import).GetProperty("cveRecords");
        Assert.Equal((2127, 2127), (records.GetProperty("read").GetInt32(), records.GetProperty("imported").GetInt32()));
        Assert.Equal(0, Json(import).GetProperty("rejected").GetInt32());
        var cvss = finding.GetProperty("vulnerability").GetProperty("cvss");
        Assert.Equal(("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "cve:adp:CISA-ADP"), (cvss.GetProperty("vector").GetString(), cvss.GetProperty("source").GetString()));
        var ssvc = finding.GetProperty("vulnerability").GetProperty("ssvc");
        Assert.Equal(("public-poc", "yes", "partial", "cve:adp:CISA-ADP"), (
            ssvc.GetProperty("exploitation").GetString(), ssvc.GetProperty("automatable").GetString(),
            ssvc.GetProperty("technicalImpact").GetString(), ssvc.GetProperty("source").GetString()));
        Assert.Contains("(cve:adp:CISA-ADP)", explained.Stdout, StringComparison.Ordinal);
        Assert.Contains("decided by cve:adp:CISA-ADP on 2024-07-03", explained.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var row = Assert.Single(status.GetProperty("cveRecords").EnumerateArray());
        Assert.Equal(("CVE", 2127), (row.GetProperty("source").GetString(), row.GetProperty("records").GetInt32()));
    }

    [SkippableFact]
    public async Task Import_NvdRecordAfterScan_ReassessesAndTheCnaStillOutranksNvd()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom);
        var before = Finding(await fixture.RunAsync("findings", "--format", "json"), "CVE-2022-30636");
        // NVD scores it too, with another vector: a CNA or advisory vector would outrank it, an ADP one would not.
        var nvd = fixture.File("nvd-page.json", """
            {"resultsPerPage": 1, "startIndex": 0, "totalResults": 1, "format": "NVD_CVE", "version": "2.0", "timestamp": "2024-08-01T00:00:00.000",
             "vulnerabilities": [{"cve": {"id": "CVE-2022-30636", "lastModified": "2024-08-01T00:00:00.000", "published": "2024-07-02T00:00:00.000", "vulnStatus": "Analyzed",
               "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}]},
               "weaknesses": [{"source": "nvd@nist.gov", "type": "Primary", "description": [{"lang": "en", "value": "CWE-285"}]}]}}]}
            """);

        var import = await fixture.RunAsync("db", "import", nvd);
        var after = Finding(await fixture.RunAsync("findings", "--format", "json"), "CVE-2022-30636");
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("cve", "vulnrichment-cve5-2022.zip"));
        var withAdp = Finding(await fixture.RunAsync("findings", "--format", "json"), "CVE-2022-30636");

        Assert.Equal(JsonValueKind.Null, before.GetProperty("vulnerability").GetProperty("cvss").ValueKind);
        Assert.Contains("Re-assessed", import.Stdout, StringComparison.Ordinal);
        Assert.Equal("nvd:primary", after.GetProperty("vulnerability").GetProperty("cvss").GetProperty("source").GetString());
        Assert.Equal(9.8, after.GetProperty("vulnerability").GetProperty("cvss").GetProperty("score").GetDouble());
        Assert.Contains("CWE-285", after.GetProperty("vulnerability").GetProperty("cwes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("nvd:primary", withAdp.GetProperty("vulnerability").GetProperty("cvss").GetProperty("source").GetString());
        var candidate = Assert.Single(withAdp.GetProperty("vulnerability").GetProperty("cvssCandidates").EnumerateArray());
        Assert.Equal("cve:adp:CISA-ADP", candidate.GetProperty("source").GetString());
        Assert.True(
            after.GetProperty("risk").GetProperty("score").GetDouble() > before.GetProperty("risk").GetProperty("score").GetDouble(),
            "the re-assessment after the import must use NVD's 9.8");
    }

    // Done-when of issue 11: with CVE records imported, every finding whose CVE record has a CVSS vector shows one. The
    // records with a vector are read here from the zip itself, independently of the importer.
    [SkippableTheory]
    [InlineData("flux_0.26.3_sbom.spdx.json")]
    [InlineData("constellation-spdx.json")]
    public async Task Scan_RealGoSbom_EveryFindingWhoseCveRecordHasCvssShowsOne(string sbom)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        var zips = new[] { "vulnrichment-cve5-2022.zip", "vulnrichment-cve5-2024-00000-02999.zip" }.Select(z => RepoPaths.SharedData("cve", z)).ToArray();
        await fixture.RunAsync(["db", "import", RepoPaths.SharedData("osv", "Go.zip"), .. zips]);
        var path = Path.Combine(fixture.Directory, sbom);
        using (var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", "bom-shelter-in-the-wild.zip")))
        {
            archive.Entries.Single(e => e.FullName == $"in-the-wild/spdx/{sbom}").ExtractToFile(path);
        }

        var findings = Json(await fixture.RunAsync("scan", path, "--format", "json")).GetProperty("findings").EnumerateArray().ToList();

        var scored = CvesWithVectors(zips);
        var covered = findings.Where(f => Ids(f).Any(scored.Contains)).ToList();
        Assert.NotEmpty(covered);
        Assert.All(covered, f => Assert.Equal(JsonValueKind.Object, f.GetProperty("vulnerability").GetProperty("cvss").ValueKind));
    }

    private static IEnumerable<string> Ids(JsonElement finding) =>
        finding.GetProperty("vulnerability").GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Prepend(finding.GetProperty("vulnerability").GetProperty("id").GetString()!);

    private static HashSet<string> CvesWithVectors(IEnumerable<string> zips)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zip in zips)
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)))
            {
                using var stream = entry.Open();
                using var document = JsonDocument.Parse(stream);
                var text = document.RootElement.GetProperty("containers").GetRawText();
                if (text.Contains("\"vectorString\"", StringComparison.Ordinal))
                {
                    found.Add(document.RootElement.GetProperty("cveMetadata").GetProperty("cveId").GetString()!);
                }
            }
        }

        return found;
    }

    private static JsonElement Finding(CliResult result, string id) =>
        Json(result).GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("vulnerability").GetProperty("id").GetString() == id);

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}

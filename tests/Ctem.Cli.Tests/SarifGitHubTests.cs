using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctem.Cli.Rendering;
using Ctem.Reporting;
using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>SARIF that GitHub code scanning accepts: every result placed at the file that declares it, within the upload's limits.</summary>
public sealed class SarifGitHubTests
{
    private const string Schema = "sarif/sarif-schema-2.1.0.json";

    /// <summary>What the checker must refuse: each breaks one of GitHub's documented requirements.</summary>
    public static TheoryData<string, Action<JsonNode>> Breaks => new()
    {
        { "no region", s => Result(s)["locations"]![0]!["physicalLocation"]!.AsObject().Remove("region") },
        { "no physical location", s => Result(s)["locations"]![0]!.AsObject().Remove("physicalLocation") },
        { "no location", s => Result(s)["locations"] = new JsonArray() },
        { "web URI", s => Result(s)["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"] = "https://example.com/sbom.json" },
        { "undeclared base", s => Result(s)["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uriBaseId"] = "%ELSEWHERE%" },
        { "empty message", s => Result(s)["message"]!["text"] = "" },
        { "no line hash", s => Result(s)["partialFingerprints"]!.AsObject().Remove("primaryLocationLineHash") },
        { "unknown rule", s => Result(s)["ruleId"] = "CVE-0000-0000" },
        { "long description", s => Rule(s)["fullDescription"]!["text"] = new string('x', 1025) },
        { "no help", s => Rule(s).Remove("help") },
        { "eleven tags", s => Rule(s)["properties"]!["tags"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)$"tag{i}")]) },
        { "severity out of range", s => Rule(s)["properties"]!["security-severity"] = "11.0" },
        { "relative base", s => s["runs"]![0]!["originalUriBaseIds"]!["%SRCROOT%"]!["uri"] = "samples/" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task Checker_BrokenRequirement_IsReported(string name, Action<JsonNode> breakIt)
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var sarif = JsonNode.Parse((await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format", "sarif")).Stdout)!;
        Assert.Empty(GitHubSarif.Problems(sarif.ToJsonString()));

        breakIt(sarif);

        Assert.True(GitHubSarif.Problems(sarif.ToJsonString()).Count > 0, name);
    }

    /// <summary>
    /// A source tree of real SBOMs (SPDX JSON, CycloneDX XML) and lockfiles, matched against real OSV exports: every
    /// result of the scan and of the stored findings sits in a file of the tree, on the line that declares its package.
    /// </summary>
    [SkippableFact]
    public async Task Sarif_RealSourceTree_EveryResultOnItsDeclarationAndAccepted()
    {
        using var fixture = new CliFixture();
        var tree = SourceTree(fixture);
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "Go.zip"), RepoPaths.SharedData("osv", "crates.io.zip"), RepoPaths.SharedData("osv", "PyPI.zip"));

        var scan = await fixture.RunAsync("scan", tree, "--format", "sarif");
        var findings = await fixture.RunAsync("findings", "--format", "sarif");

        foreach (var output in new[] { scan, findings })
        {
            Assert.Empty(GitHubSarif.Problems(output.Stdout));
            Assert.Empty(OfficialSchemas.Errors(Schema, output.Stdout));
            var places = GitHubSarif.Places(output.Stdout);
            Assert.True(places.Count > 300, $"{places.Count} results");
            Assert.Equal(["go/go.mod", "py/requirements.txt", "rust/Cargo.lock", "sbom/constellation-spdx.json"], places.Select(p => Path.GetRelativePath(tree, p.File).Replace('\\', '/')).Distinct().Order());
            Assert.All(places, p => Assert.Contains(Declared(p.Package), string.Join('\n', File.ReadLines(p.File).Skip(p.Line - 1).Take(12)), StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(Located(scan.Stdout), Located(findings.Stdout));
    }

    /// <summary>Findings ingested from real scanner reports are placed too: code findings at their file, the others at their report.</summary>
    [SkippableFact]
    public async Task Sarif_IngestedRealReports_EveryResultPlacedAndAccepted()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        string[] reports =
        [
            "trivy/trivy-integration__npm.json", "trivy/defectdojo__misconfigurations_and_secrets.json", "nmap/libnmap__1_hosts_banner_ports.xml",
            "sarif/defectdojo__codeQL-output.sarif", "sarif/defectdojo__gitleaks_7.5.0.sarif",
        ];
        Assert.Equal(0, (await fixture.RunAsync(["ingest", .. reports.Select(r => RepoPaths.SharedData("scanners", r)), "--product", "app"])).ExitCode);

        var output = await fixture.RunAsync("findings", "--format", "sarif");

        Assert.Empty(GitHubSarif.Problems(output.Stdout));
        Assert.Empty(OfficialSchemas.Errors(Schema, output.Stdout));
        var files = GitHubSarif.Places(output.Stdout).Select(p => p.File).ToHashSet();
        Assert.Contains(RepoPaths.SharedData("scanners", "nmap", "libnmap__1_hosts_banner_ports.xml"), files);
        Assert.Contains(RepoPaths.SharedData("scanners", "trivy", "trivy-integration__npm.json"), files);
    }

    /// <summary>Past GitHub's 25,000 results per run the upload is rejected: the most urgent are kept and the document says so.</summary>
    [Fact]
    public void Write_MoreFindingsThanARunHolds_KeepsTheMostUrgentAndSaysSo()
    {
        var findings = Enumerable.Range(0, SarifLimits.ResultsPerRun + 2).Select(Finding).ToList();
        using var output = new StringWriter();
        using var notes = new StringWriter();

        OutputFormat.TryWriteList(output, OutputFormat.Sarif, findings, notes);

        using var sarif = JsonDocument.Parse(output.ToString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(25_000, results.Count);
        Assert.Equal((findings[0].Vulnerability.Id, findings[24_999].Vulnerability.Id), (results[0], results[^1]));
        Assert.Equal(25_000, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var notice = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString();
        Assert.StartsWith("2 finding(s) left out: GitHub code scanning accepts at most 25,000 results per run", notice, StringComparison.Ordinal);
        Assert.Equal($"note: {notice}\n", notes.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(GitHubSarif.Problems(output.ToString()));
    }

    private static JsonObject Result(JsonNode sarif) => sarif["runs"]![0]!["results"]![0]!.AsObject();

    private static JsonObject Rule(JsonNode sarif) => sarif["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!.AsObject();

    private static string SourceTree(CliFixture fixture)
    {
        RepoPaths.RequireShared();
        var tree = Path.Combine(fixture.Directory, "tree");
        var parsers = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Parsers");
        Copy(Path.Combine(parsers, "Go", "testdata", "cobra-go.mod"), tree, "go/go.mod");
        Copy(Path.Combine(parsers, "Cargo", "testdata", "ripgrep-Cargo.lock"), tree, "rust/Cargo.lock");
        Copy(Path.Combine(parsers, "PyPI", "testdata", "requirements.txt"), tree, "py/requirements.txt");
        using var sboms = ZipFile.OpenRead(RepoPaths.SharedData("sbom", "bom-shelter-in-the-wild.zip"));
        foreach (var entry in new[] { "in-the-wild/spdx/constellation-spdx.json", "in-the-wild/cyclonedx/traefix-cdx.xml" })
        {
            Directory.CreateDirectory(Path.Combine(tree, "sbom"));
            sboms.GetEntry(entry)!.ExtractToFile(Path.Combine(tree, "sbom", Path.GetFileName(entry)));
        }

        return tree;
    }

    private static void Copy(string from, string tree, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, to))!);
        File.Copy(from, Path.Combine(tree, to));
    }

    // The name a manifest declares a package by: the last part of its path ("cobra" of github.com/spf13/cobra); Go's
    // standard library is declared by the "go" directive.
    private static string Declared(string purl)
    {
        var name = PackageUrl.Parse(purl).Value!;
        return name.Type == "golang" && name.Name == "stdlib" ? "go " : name.Name;
    }

    private static List<string> Located(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("partialFingerprints").GetProperty("ctemFinding/v1")} {r.GetProperty("locations")[0].GetProperty("physicalLocation")}")
            .Order(StringComparer.Ordinal)];
    }

    private static FindingView Finding(int i) => new(
        "app", $"pkg:npm/p{i:D5}@1.0.0", "npm", $"p{i:D5}", "1.0.0", new SourceLocation("package-lock.json", $"/packages/node_modules~1p{i:D5}"),
        new VulnerabilityRef($"GHSA-{i:D5}", [], $"flaw {i}", "HIGH", [$"GHSA-{i:D5}"]), ["1.0.1"], "open", null, null, ["ctem-scan"])
    {
        Place = new FilePlace("/src/app", "package-lock.json", i + 1),
    };
}

using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// <c>ctem vex</c> and <c>ctem triage</c> on the demo's real data (the harp SBOM, its Go advisories), with VEX documents
/// in the test-only format: the real formats are plugins tested on their own.
/// </summary>
public sealed class VexCommandTests
{
    private const string Yaml = "pkg:golang/gopkg.in/yaml.v3";
    private const string YamlCve = "CVE-2022-28948";
    private static readonly DateTimeOffset T1 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task VexImport_ThenFindings_ClosedFindingLeavesTheListCountsAndGate()
    {
        using var fixture = await ScannedAsync();
        var before = await fixture.RunAsync("findings", "--product", "harp", "--fail-on", "priority>=low");

        var import = await fixture.RunVexAsync("vex", "import", Document(fixture, "vendor.json", VexState.NotAffected), "--product", "harp", "--format", "json");
        var after = await fixture.RunAsync("findings", "--product", "harp", "--fail-on", "priority>=low");
        var all = Findings(await fixture.RunAsync("findings", "--product", "harp", "--status", "all", "--format", "json"));

        Assert.Equal(0, import.ExitCode);
        Golden.Verify(fixture.Redact(import.Stdout), "vex-import.json");
        Assert.Contains("91 finding(s) meet 'priority>=low'", before.Stderr, StringComparison.Ordinal);
        Assert.Contains("90 finding(s) meet 'priority>=low'", after.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(YamlCve, after.Stdout, StringComparison.Ordinal);
        var closed = Assert.Single(all, f => f.TryGetProperty("vex", out _));
        Assert.Equal(YamlCve, closed.GetProperty("vulnerability").GetProperty("id").GetString());
        var vex = closed.GetProperty("vex");
        Assert.Equal(
            ("not_affected", "vulnerable_code_not_in_execute_path", "harp never parses untrusted YAML", "Vendor PSIRT", "2026-10-01T00:00:00.000Z"),
            (vex.GetProperty("state").GetString(), vex.GetProperty("justification").GetString(), vex.GetProperty("detail").GetString(), vex.GetProperty("author").GetString(), vex.GetProperty("at").GetString()));
        Assert.EndsWith("vendor.json", vex.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingsExplain_DisagreeingStatements_ShowsTheWinnerAndListsTheOthers()
    {
        using var fixture = await ScannedAsync();
        await fixture.RunVexAsync("vex", "import", Document(fixture, "older.json", VexState.NotAffected), "--product", "harp");
        await fixture.RunVexAsync("vex", "import", Document(fixture, "newer.json", VexState.Affected, T1.AddDays(1)), "--product", "harp");
        var id = IdOf(Findings(await fixture.RunAsync("findings", "--product", "harp", "--format", "json")), YamlCve);

        var explain = await fixture.RunAsync("findings", "--explain", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, explain.ExitCode);
        var vexPart = explain.Stdout[explain.Stdout.IndexOf("VEX:", StringComparison.Ordinal)..];
        Golden.Verify(fixture.Redact(vexPart), "vex-explain.txt");
    }

    [Theory]
    [InlineData(new[] { "--state", "not_affected" }, 2, "not_affected needs --justification or --detail")]
    [InlineData(new[] { "--state", "fixed", "--justification", "component_not_present" }, 2, "--justification is for not_affected")]
    [InlineData(new[] { "--state", "wontfix" }, 2, "wontfix")]
    [InlineData(new[] { "--state", "false_positive", "--detail", "the scanner confused two modules" }, 0, "is false_positive (it leaves the default findings list, the counts and --fail-on)")]
    public async Task Triage_States_AreCheckedAndRecorded(string[] options, int exitCode, string message)
    {
        using var fixture = await ScannedAsync();
        var id = IdOf(Findings(await fixture.RunAsync("findings", "--product", "harp", "--format", "json")), YamlCve).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await fixture.RunVexAsync(["triage", id, .. options]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_Json_IsTheFindingWithItsVexObject_AndHistoryShowsIt()
    {
        using var fixture = await ScannedAsync();
        var id = IdOf(Findings(await fixture.RunAsync("findings", "--product", "harp", "--format", "json")), YamlCve).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await fixture.RunVexAsync("triage", id, "--state", "affected", "--detail", "upgrade gopkg.in/yaml.v3 to v3.0.0", "--by", "alice", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var vex = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("finding").GetProperty("vex");
        Assert.Equal(("affected", "triage", "alice", "upgrade gopkg.in/yaml.v3 to v3.0.0"), (vex.GetProperty("state").GetString(), vex.GetProperty("source").GetString(), vex.GetProperty("author").GetString(), vex.GetProperty("remediation").GetString()));
        Assert.Contains(Findings(await fixture.RunAsync("findings", "--product", "harp", "--format", "json")), f => f.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) == id);
    }

    [Fact]
    public async Task Triage_UnknownId_IsAUsageError()
    {
        using var fixture = await ScannedAsync();

        var result = await fixture.RunVexAsync("triage", "4040", "--state", "fixed");

        Assert.Equal((2, "ctem: no finding has the ID 4040 (see 'ctem findings --status all' for the IDs)\n"), (result.ExitCode, result.Stderr));
    }

    [Theory]
    [InlineData("sbom", "not a VEX document Ctem reads (testvex/json)")]
    [InlineData("missing", "missing.json: no such file or directory")]
    public async Task VexImport_BadFile_ExitsBadInputAndRecordsNothing(string kind, string message)
    {
        using var fixture = await ScannedAsync();
        var bad = kind == "sbom" ? CliFixture.DemoSbom : Path.Combine(fixture.Directory, "missing.json");

        var result = await fixture.RunVexAsync("vex", "import", Document(fixture, "good.json", VexState.NotAffected), bad);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ctem: nothing was recorded", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(await fixture.RunAsync("findings", "--status", "all", "--format", "json")), f => f.TryGetProperty("vex", out _));
    }

    [Fact]
    public async Task VexSuggest_ComponentGoneInANewerScan_SuggestsFixedAndApplyRecordsIt()
    {
        using var fixture = await ScannedAsync();
        var upgraded = fixture.File("upgraded.json", """
            {"bomFormat": "CycloneDX", "specVersion": "1.5",
             "metadata": {"component": {"type": "application", "name": "harp"}},
             "components": [{"type": "library", "name": "gopkg.in/yaml.v3", "version": "v3.0.1", "purl": "pkg:golang/gopkg.in/yaml.v3@v3.0.1"}]}
            """);
        await fixture.RunAsync("scan", upgraded, "--product", "harp", "--source", "release");

        var suggest = Json(await fixture.RunAsync("vex", "suggest", "--product", "harp", "--format", "json"));
        var apply = await fixture.RunAsync("vex", "suggest", "--product", "harp", "--apply");
        var again = Json(await fixture.RunAsync("vex", "suggest", "--product", "harp", "--format", "json"));

        var suggestions = suggest.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(91, suggestions.Count);
        Assert.All(suggestions, s => Assert.Equal(("fixed", "fixed"), (s.GetProperty("kind").GetString(), s.GetProperty("state").GetString())));
        Assert.Contains("Recorded 91 statement(s) with author ctem (0 already held).", apply.Stdout, StringComparison.Ordinal);
        Assert.Empty(again.GetProperty("suggestions").EnumerateArray());
    }

    [Fact]
    public async Task VexExport_TwiceOnTheSameData_IsTheSameDocument_AndUnknownWriterIsAUsageError()
    {
        using var fixture = await ScannedAsync();
        await fixture.RunVexAsync("vex", "import", Document(fixture, "vendor.json", VexState.NotAffected), "--product", "harp");
        var scope = fixture.File("ctem.yaml", "products: [{name: harp}]\nvex:\n  author: {name: ACME PSIRT}\n  supplier: {name: ACME}\n");
        var output = Path.Combine(fixture.Directory, "vex.json");

        var first = await fixture.RunVexAsync("vex", "export", "--product", "harp", "--release", "0.2.0", "--scope", scope, "--output", output);
        var written = await File.ReadAllTextAsync(output);
        var second = await fixture.RunVexAsync("vex", "export", "--product", "harp", "--release", "0.2.0", "--scope", scope);
        var csaf = await fixture.RunVexAsync("vex", "export", "--product", "harp", "--format", "csaf");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(written, second.Stdout);
        var export = JsonDocument.Parse(written).RootElement;
        Assert.Equal(("ACME PSIRT", "ACME", "0.2.0", 91), (export.GetProperty("author").GetProperty("name").GetString(), export.GetProperty("supplier").GetProperty("name").GetString(), export.GetProperty("release").GetString(), export.GetProperty("statements").GetArrayLength()));
        Assert.Equal((2, "ctem: no csaf VEX writer is installed (installed: openvex)\n"), (csaf.ExitCode, csaf.Stderr));
    }

    private static async Task<CliFixture> ScannedAsync()
    {
        var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var scan = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp", "--source", "release");
        Assert.True(scan.ExitCode == 0, scan.Stderr);
        return fixture;
    }

    private static string Document(CliFixture fixture, string name, VexState state, DateTimeOffset? at = null) =>
        fixture.File(name, TestVexReader.Text(TestVexReader.Document(at ?? T1, new VexStatement(YamlCve, ["GO-2022-0603"], [new VexTarget(Yaml, "vers:golang/<v3.0.0")], state)
        {
            Justification = state == VexState.NotAffected ? VexJustification.VulnerableCodeNotInExecutePath : VexJustification.Unspecified,
            Detail = "harp never parses untrusted YAML",
            ActionStatement = state == VexState.Affected ? "upgrade gopkg.in/yaml.v3 to v3.0.0" : null,
        })));

    private static List<JsonElement> Findings(CliResult result) => [.. Json(result).GetProperty("findings").EnumerateArray()];

    private static long IdOf(IEnumerable<JsonElement> findings, string vulnerability) =>
        findings.Single(f => f.GetProperty("vulnerability").GetProperty("id").GetString() == vulnerability).GetProperty("id").GetInt64();

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}

using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Gitleaks;
using Ctem.Plugins.Reports.Sarif;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Gitleaks;

/// <summary>Gitleaks JSON (7 and 8) and SARIF: leaks on files and lines, the secret masked everywhere.</summary>
public sealed class GitleaksParserTests
{
    private static readonly GitleaksJsonParser Parser = new();

    // The shared data has no loose Gitleaks JSON: the samples are DefectDojo's, inside the scans archive. Counted with
    // python3 json: the array's length (no_findings.json is the JSON null).
    [SkippableTheory]
    [InlineData("gitleaks/data_many.json", 2)]
    [InlineData("gitleaks/data_one.json", 1)]
    [InlineData("gitleaks/gitleaks8_many.json", 4)]
    [InlineData("gitleaks/issue4336.json", 1)]
    [InlineData("gitleaks/no_findings.json", 0)]
    [InlineData("gitleaks/redacted_data_many.json", 6)]
    [InlineData("gitleaks/version_7.5.0.json", 8)]
    public async Task Parse_SharedArchiveSamples_CountsMatchAndNoSecretSurvives(string entry, int findings)
    {
        RepoPaths.RequireShared();
        var content = ReportParserHarness.SharedArchiveEntry(entry);
        Assert.Equal(findings > 0, Parser.Claims(entry, content));

        var result = await Parser.ParseAsync(entry, content);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(findings, report.Findings.Count);
        if (findings > 0)
        {
            AssertNoSecret(report, SecretsIn(content));
        }
    }

    [SkippableFact]
    public void CanParse_EverySharedOutputClaimed_IsGitleaks()
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(Parser);

        Assert.NotEmpty(claimed);
        Assert.All(claimed, c => Assert.StartsWith("zip:gitleaks/", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_Gitleaks8_FileLineFingerprintAndMaskedSecret()
    {
        var result = await Parser.ParseTestDataAsync("Gitleaks", "gitleaks8_many.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("gitleaks/json", "Gitleaks"), (report.Format, report.Tool));
        var first = report.Findings[0];
        Assert.Equal(("file:/conf/aws.tf", "aws-access-token", "high", "line 2"), (first.Asset.Key, first.RuleId, first.Severity, first.Location?.Pointer));
        Assert.Equal("AWS secret sec… (15 characters) in /conf/aws.tf", first.Title);
        Assert.Equal("74d53286c550630f80847d37f68aa3065554ac813544072ccd1278da71fafe31:/conf/aws.tf:aws-access-token:2", first.ToolFingerprint);
        Assert.StartsWith("secret sec… (15 characters); commit 74d53286", first.Description, StringComparison.Ordinal);
        Assert.Equal(["CWE-798"], first.Cwes);
        Assert.Equal("conf/rsa.pk:RSA-PK:57", report.Findings[2].ToolFingerprint);
    }

    [Fact]
    public async Task Parse_Gitleaks7_RuleNameAndLineNumber()
    {
        var result = await Parser.ParseTestDataAsync("Gitleaks", "gitleaks7_5_0.json");

        var first = Assert.IsType<ScannerReport>(result.Report).Findings[0];
        Assert.Equal(("AWS Access Key", "line 13"), (first.RuleId, first.Location?.Pointer));
        Assert.Contains("secret AKIA… (20 characters)", first.Description, StringComparison.Ordinal);
        AssertNoSecret(result.Report!, ["AKIAIOSFODNN7EXAMPLE"]);
    }

    [Fact]
    public async Task Parse_GitleaksSarif_NoSecretReachesTheFindings()
    {
        var path = ReportParserHarness.TestDataPath("Gitleaks", "gitleaks_7.5.0.sarif");

        var result = await new SarifParser().ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(8, report.Findings.Count);
        AssertNoSecret(report, SecretsIn(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public async Task Parse_GitleaksSarifMessageQuotingTheSecret_IsMasked()
    {
        var result = await new SarifParser().ParseJsonAsync("""
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "gitleaks", "rules": [{"id": "aws-access-token"}]}},
             "results": [{"ruleId": "aws-access-token", "message": {"text": "aws-access-token found AKIAIOSFODNN7EXAMPLE"},
                          "properties": {"Secret": "AKIAIOSFODNN7EXAMPLE"},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.tf"}, "region": {"startLine": 3}}}]}]}]}
            """);

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal("aws-access-token found AKIA… (20 characters)", finding.Title);
    }

    [Theory]
    [InlineData("[{\"RuleID\": \"x\", \"Secret\": \"s\"}]", DiagnosticCodes.UnsupportedFormat)]
    [InlineData("[{\"rule\": \"x\", \"offender\": \"s\", \"file\": \"a\"},", DiagnosticCodes.InvalidJson)]
    [InlineData("{\"leaks\": []}", DiagnosticCodes.UnsupportedFormat)]
    public async Task Parse_Malformed_FailsAndNoReport(string text, string code)
    {
        var result = await Parser.ParseJsonAsync(text);

        Assert.Null(result.Report);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }

    private static void AssertNoSecret(ScannerReport report, IReadOnlyList<string> secrets)
    {
        Assert.NotEmpty(secrets);
        var texts = report.Findings.SelectMany(f => new[] { f.Title, f.Description, f.ToolFingerprint, f.RuleId, f.Location?.Pointer, f.Asset.Key, f.Asset.Name }).OfType<string>().ToList();
        Assert.All(secrets, s => Assert.DoesNotContain(texts, t => t.Contains(s, StringComparison.Ordinal)));
    }

    // Every value Gitleaks gives as the secret (Secret, offender; Gitleaks 8's Match holds it too).
    private static List<string> SecretsIn(byte[] content)
    {
        using var document = JsonDocument.Parse(content);
        var secrets = new List<string>();
        Collect(document.RootElement, secrets);
        return secrets.Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(JsonElement element, List<string> secrets)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "Secret" or "offender" or "Match" && property.Value.ValueKind == JsonValueKind.String)
                {
                    secrets.Add(property.Value.GetString()!);
                }

                Collect(property.Value, secrets);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, secrets);
            }
        }
    }
}

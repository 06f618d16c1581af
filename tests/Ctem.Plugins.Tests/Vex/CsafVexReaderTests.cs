using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Vex.Csaf;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Vex;

public sealed class CsafVexReaderTests
{
    private static readonly CsafVexReader Reader = new();

    [SkippableFact]
    public void Read_ManyVulnSample_StatusListsRelationshipsAndRemediations()
    {
        RepoPaths.RequireShared();

        var result = VexHarness.ReadShared("csaf", "defectdojo__csaf_many_vuln.json").Result!;

        var document = result.Document!;
        Assert.Equal(("csaf", "EXAMPLE-2026-0002", "Example Corp"), (document.Format, document.Id, document.Author));
        Assert.Equal(
            [
                ("CVE-2026-10002", VexState.Affected, "Generic App 1.0.0", (string?)null),
                ("CVE-2026-10002", VexState.Fixed, "Generic App 1.0.1", null),
                ("CVE-2026-10002", VexState.UnderInvestigation, "Generic Library 3.4.5", null),
                ("EXAMPLE-2026-0002-B", VexState.Affected, "Generic Library 3.4.5", "Generic App 1.0.0"),
            ],
            document.Statements.Select(s => (s.VulnerabilityId, s.State, Assert.Single(s.Targets).Name!, s.Product)));
        var affected = document.Statements[0];
        Assert.Equal("Upgrade to Generic App 1.0.1.\nLimit request body size at the proxy.", affected.ActionStatement);
        Assert.Equal(["vendor_fix", "workaround"], affected.Responses);
        Assert.Equal("/vulnerabilities/0/product_status/known_affected/0", affected.Location);

        // A security advisory need not say why a product is not affected; Ctem records no not_affected without a reason.
        var left = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "/vulnerabilities/0/product_status/known_not_affected/0"), (left.Severity, left.Location));
        Assert.Contains("'CSAFPID-0003'", left.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsafVex_FlagsThreatsGroupsAndHelpers()
    {
        var result = VexHarness.ReadText(Reader, "x.csaf.json", Vex("""
            {"cve": "CVE-2026-3", "ids": [{"system_name": "GHSA", "text": "GHSA-aaaa-bbbb-cccc"}], "notes": [{"category": "description", "text": "d"}],
             "product_status": {"known_not_affected": ["P-LIB-IN-APP", "P-CPE"], "first_fixed": ["P-APP"], "recommended": ["P-APP"]},
             "flags": [{"label": "vulnerable_code_not_in_execute_path", "group_ids": ["G-1"], "date": "2026-02-01T00:00:00Z"}],
             "threats": [{"category": "impact", "details": "False positive: wrong library.", "product_ids": ["P-CPE"]},
                         {"category": "exploit_status", "details": "Not exploited.", "product_ids": ["P-LIB-IN-APP"]}]}
            """));

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var statements = result.Document!.Statements;
        Assert.Equal(
            [
                (VexState.NotAffected, VexJustification.VulnerableCodeNotInExecutePath, "pkg:npm/lib@1.0.0", (string?)null, "App 1.0", (string?)null),
                (VexState.FalsePositive, VexJustification.Unspecified, null, "cpe:2.3:a:example:tool:1.0:*:*:*:*:*:*:*", null, "wrong library."),
                (VexState.Fixed, VexJustification.Unspecified, null, null, null, null),
            ],
            statements.Select(s => (s.State, s.Justification, s.Targets[0].Purl, s.Targets[0].Cpe, s.Product, s.Detail)));
        Assert.Equal(["GHSA-aaaa-bbbb-cccc"], statements[0].Aliases);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), statements[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), statements[2].Timestamp);
    }

    // What the csaf_vex profile requires (CSAF 2.0, 6.1.27), each refused with the section and the place.
    [Theory]
    [InlineData("""{"cve": "CVE-2026-4", "notes": [{"category": "description", "text": "d"}], "product_status": {"known_not_affected": ["P-APP"]}}""", "6.1.27.9", "/vulnerabilities/0/product_status/known_not_affected/0")]
    [InlineData("""{"cve": "CVE-2026-4", "notes": [{"category": "description", "text": "d"}], "product_status": {"known_affected": ["P-APP"]}}""", "6.1.27.10", "/vulnerabilities/0/product_status/known_affected/0")]
    [InlineData("""{"notes": [{"category": "description", "text": "d"}], "product_status": {"fixed": ["P-APP"]}}""", "6.1.27.8", "/vulnerabilities/0")]
    [InlineData("""{"cve": "CVE-2026-4", "product_status": {"fixed": ["P-APP"]}}""", "6.1.27.5", "/vulnerabilities/0/notes")]
    [InlineData("""{"cve": "CVE-2026-4", "notes": [{"category": "description", "text": "d"}], "product_status": {"recommended": ["P-APP"]}}""", "6.1.27.7", "/vulnerabilities/0/product_status")]
    [InlineData("""{"cve": "CVE-2026-4", "notes": [{"category": "description", "text": "d"}], "product_status": {"fixed": ["P-NONE"]}}""", "not in the product tree", "/vulnerabilities/0/product_status/fixed/0")]
    public void Read_CsafVexMissingWhatTheProfileRequires_ErrorWithPlace(string vulnerability, string says, string location)
    {
        var result = VexHarness.ReadText(Reader, "x.csaf.json", Vex(vulnerability));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, location), (error.Severity, error.Location));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Document!.Statements);
    }

    [Theory]
    [InlineData("""{"document": {"category": "csaf_vex", "csaf_version": "2.0"}, "vulnerabilities": [{"cve": "CVE-1"}]}""", "the csaf_vex profile requires a \"product_tree\" (CSAF 2.0, 6.1.27.4)", "/product_tree")]
    [InlineData("""{"document": {"category": "csaf_vex", "csaf_version": "2.0"}, "product_tree": {}}""", "the csaf_vex profile requires at least one entry in \"vulnerabilities\"", "/vulnerabilities")]
    [InlineData("""{"document": {"category": "csaf_vex", "csaf_version": "2.1"}}""", "unsupported CSAF version 2.1", "/document/csaf_version")]
    [InlineData("""{"csaf_version": "2.0"}""", "not a CSAF document", null)]
    public void Read_NotAReadableCsafDocument_Refused(string text, string message, string? location)
    {
        var result = VexHarness.ReadText(Reader, "x.csaf.json", text);

        Assert.Null(result.Document);
        var error = Assert.Single(result.Diagnostics);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(location, error.Location);
    }

    private static string Vex(string vulnerability) => $$$"""
        {"document": {"category": "csaf_vex", "csaf_version": "2.0", "title": "t",
           "publisher": {"category": "vendor", "name": "Example", "namespace": "https://example.org"},
           "tracking": {"id": "EX-1", "status": "final", "version": "1", "current_release_date": "2026-01-15T00:00:00Z"}},
         "product_tree": {
           "full_product_names": [{"product_id": "P-APP", "name": "App 1.0"},
                                  {"product_id": "P-LIB", "name": "lib 1.0.0", "product_identification_helper": {"purl": "pkg:npm/lib@1.0.0"}},
                                  {"product_id": "P-CPE", "name": "tool 1.0", "product_identification_helper": {"cpe": "cpe:2.3:a:example:tool:1.0:*:*:*:*:*:*:*"}}],
           "relationships": [{"category": "default_component_of", "product_reference": "P-LIB", "relates_to_product_reference": "P-APP",
                              "full_product_name": {"product_id": "P-LIB-IN-APP", "name": "lib 1.0.0 in App 1.0"}}],
           "product_groups": [{"group_id": "G-1", "product_ids": ["P-LIB-IN-APP"]}]},
         "vulnerabilities": [{{{vulnerability}}}]}
        """;
}

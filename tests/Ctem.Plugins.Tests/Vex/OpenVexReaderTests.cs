using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Vex.OpenVex;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Vex;

public sealed class OpenVexReaderTests
{
    private static readonly OpenVexReader Reader = new();

    [SkippableFact]
    public void Read_ManyVulnSample_FieldsOfEachStatement()
    {
        RepoPaths.RequireShared();

        var document = VexHarness.ReadShared("openvex", "defectdojo__openvex_many_vuln.json").Result!.Document!;

        Assert.Equal(("openvex", "https://openvex.dev/docs/public/vex-2222222222222222222222222222222222", "Example Org"), (document.Format, document.Id, document.Author));
        Assert.Equal(
            [
                ("CVE-2024-10001", VexState.NotAffected, VexJustification.VulnerableCodeNotPresent, "pkg:apk/alpine/apk-tools@2.10.6-r0?arch=x86_64&distro=alpine-3.10.9"),
                ("CVE-2024-10002", VexState.Affected, VexJustification.Unspecified, "pkg:apk/alpine/busybox@1.30.1-r3?arch=x86_64&distro=alpine-3.10.9"),
                ("CVE-2024-10003", VexState.Fixed, VexJustification.Unspecified, "pkg:apk/alpine/alpine-baselayout@3.1.2-r0?arch=x86_64&distro=alpine-3.10.9"),
                ("CVE-2024-10004", VexState.UnderInvestigation, VexJustification.Unspecified, "pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.9"),
                ("CVE-2024-10005", VexState.NotAffected, VexJustification.InlineMitigationsAlreadyExist, "pkg:apk/alpine/zlib@1.2.11-r1?arch=x86_64&distro=alpine-3.10.9"),
                ("CVE-2024-10006", VexState.NotAffected, VexJustification.ComponentNotPresent, "pkg:apk/alpine/openssl@1.1.1k-r0"),
            ],
            document.Statements.Select(s => (s.VulnerabilityId, s.State, s.Justification, Assert.Single(s.Targets).Purl!)));
        var zlib = document.Statements[4];
        Assert.Equal(["GHSA-jfh8-c2jp-5v3q"], zlib.Aliases);
        Assert.Equal(("The affected code path is disabled at build time.", "/statements/4"), (zlib.Detail, zlib.Location));
        Assert.Equal("No action statement provided", document.Statements[1].ActionStatement);
        Assert.All(document.Statements, s => Assert.Equal(new DateTimeOffset(2026, 7, 29, 0, 0, 0, TimeSpan.Zero), s.Timestamp));
    }

    [Fact]
    public void Read_ProductsWithSubcomponentsAndIdentifiers_OneStatementPerProduct()
    {
        var result = VexHarness.ReadText(Reader, "image.openvex.json", Document("""
            {
              "vulnerability": {"@id": "https://nvd.nist.gov/vuln/detail/CVE-2023-1234", "name": "CVE-2023-1234"},
              "products": [
                {"@id": "pkg:oci/shop@sha256%3Aabc", "subcomponents": [{"@id": "pkg:npm/lodash@4.17.20"}, {"identifiers": {"purl": "pkg:npm/qs@6.5.2"}}]},
                {"identifiers": {"cpe23": "cpe:2.3:a:example:tool:1.0:*:*:*:*:*:*:*"}},
                {"@id": "https://example.org/products/legacy"}
              ],
              "status": "fixed"
            }
            """));

        var statements = result.Document!.Statements;
        Assert.Equal(2, statements.Count);
        Assert.Equal(("pkg:oci/shop@sha256:abc", "/statements/0/products/0"), (statements[0].Product, statements[0].Location));
        Assert.Equal(["pkg:npm/lodash@4.17.20", "pkg:npm/qs@6.5.2"], statements[0].Targets.Select(t => t.Purl));
        Assert.Null(statements[1].Product);
        Assert.Equal(
            [(null, "cpe:2.3:a:example:tool:1.0:*:*:*:*:*:*:*", null), (null, null, "https://example.org/products/legacy")],
            statements[1].Targets.Select(t => (t.Purl, t.Cpe, t.Name)));
    }

    // The not_affected rule and the other statement errors: each an error with the statement's place; the rest is read.
    [Theory]
    [InlineData("""{"vulnerability": {"name": "CVE-1"}, "products": ["pkg:npm/a@1"], "status": "not_affected"}""", "CVE-1: not_affected without a justification or an impact statement is not a valid OpenVEX statement", "/statements/0")]
    [InlineData("""{"vulnerability": {"name": "CVE-1"}, "products": ["pkg:npm/a@1"], "status": "not_affected", "justification": "code_not_reachable"}""", "CVE-1: justification 'code_not_reachable' is not one of component_not_present", "/statements/0/justification")]
    [InlineData("""{"vulnerability": {"name": "CVE-1"}, "products": ["pkg:npm/a@1"], "status": "exploitable"}""", "CVE-1: status 'exploitable' is not one of not_affected, affected, fixed, under_investigation", "/statements/0/status")]
    [InlineData("""{"products": ["pkg:npm/a@1"], "status": "fixed"}""", "the statement names no vulnerability", "/statements/0")]
    public void Read_InvalidStatement_ErrorWithPlaceAndTheOthersRead(string statement, string message, string location)
    {
        var valid = """{"vulnerability": "CVE-2", "products": ["pkg:npm/b@1"], "status": "not_affected", "impact_statement": "Only used in tests."}""";

        var result = VexHarness.ReadText(Reader, "x.openvex.json", Document(statement, valid));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, DiagnosticCodes.InvalidVexStatement, location), (error.Severity, error.Code, error.Location));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("CVE-2", Assert.Single(result.Document!.Statements).VulnerabilityId);
    }

    [Theory]
    [InlineData("False positive.", VexState.FalsePositive, null)]
    [InlineData("False positive: the scanner matched another artifact.", VexState.FalsePositive, "the scanner matched another artifact.")]
    [InlineData("False positives are rare here, but this is not one.", VexState.NotAffected, "False positives are rare here, but this is not one.")]
    public void Read_ImpactStatementMarker_FalsePositive(string impact, VexState state, string? detail)
    {
        var result = VexHarness.ReadText(Reader, "x.openvex.json", Document($$"""{"vulnerability": "CVE-1", "products": ["pkg:npm/a@1"], "status": "not_affected", "impact_statement": "{{impact}}"}"""));

        var statement = Assert.Single(result.Document!.Statements);
        Assert.Equal((state, detail), (statement.State, statement.Detail));
    }

    [Theory]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.0.1", "statements": []}""", "unsupported OpenVEX version: \"@context\" is 'https://openvex.dev/ns/v0.0.1'")]
    [InlineData("""{"@context": "https://example.org/ns", "statements": []}""", "not an OpenVEX document: \"@context\" is 'https://example.org/ns'")]
    [InlineData("""{"@context": "https://openvex.dev/ns/v0.2.0"}""", "not an OpenVEX document: it has no \"statements\" array")]
    [InlineData("""{"@context": """, "invalid JSON")]
    public void Read_NotAnOpenVex020Document_RefusedWithAClearError(string text, string message)
    {
        var result = VexHarness.ReadText(Reader, "x.openvex.json", text);

        Assert.Null(result.Document);
        Assert.StartsWith(message, Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    private static string Document(params string[] statements) =>
        $$"""{"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.org/vex-1", "author": "Example", "timestamp": "2026-07-29T00:00:00Z", "version": 1, "statements": [{{string.Join(",", statements)}}]}""";
}

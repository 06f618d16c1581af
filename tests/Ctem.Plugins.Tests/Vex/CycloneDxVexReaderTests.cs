using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Vex.CycloneDx;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Vex;

public sealed class CycloneDxVexReaderTests
{
    private static readonly CycloneDxVexJsonReader Json = new();
    private static readonly CycloneDxVexXmlReader Xml = new();

    // Both encodings of the same 1.4 document give the same statement.
    [SkippableTheory]
    [InlineData("defectdojo__valid-vulnerability-1.4.json")]
    [InlineData("defectdojo__valid-vulnerability-1.4.xml")]
    public void Read_ValidVulnerabilitySample_TheAnalysisAsAStatement(string file)
    {
        RepoPaths.RequireShared();

        var statement = Assert.Single(VexHarness.ReadShared("cyclonedx-vex", file).Result!.Document!.Statements);

        Assert.Equal(("SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111", VexState.NotAffected), (statement.VulnerabilityId, statement.State));
        Assert.Equal((VexJustification.VulnerableCodeNotInExecutePath, "code_not_reachable"), (statement.Justification, statement.FormatJustification));
        Assert.Equal(["CVE-2018-7489"], statement.Aliases);
        Assert.Equal(["will_not_fix", "update"], statement.Responses);
        Assert.Equal("An optional explanation of why the application is not affected by the vulnerable component.", statement.Detail);
        Assert.StartsWith("Upgrade com.fasterxml.jackson.core:jackson-databind", statement.ActionStatement, StringComparison.Ordinal);
        Assert.Equal("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4", Assert.Single(statement.Targets).Purl);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), statement.Timestamp);
    }

    [SkippableTheory]
    [InlineData("defectdojo__log4j.json")]
    [InlineData("defectdojo__nested-component-log4j.json")]
    [InlineData("defectdojo__log4j.xml")]
    public void Read_Log4jSamples_InTriageOnTheLog4jComponents(string file)
    {
        RepoPaths.RequireShared();

        var document = VexHarness.ReadShared("cyclonedx-vex", file).Result!.Document!;

        Assert.All(document.Statements, s => Assert.Equal(VexState.UnderInvestigation, s.State));
        Assert.All(document.Statements, s => Assert.StartsWith("pkg:maven/org.apache.logging.log4j/log4j-", Assert.Single(s.Targets).Purl, StringComparison.Ordinal));
    }

    // A versionless ref is narrowed by its versions and ranges (unaffected ones left out); a versioned one stays exact;
    // a nested component resolves by bom-ref; a bom-link keeps its purl fragment; an unknown ref is kept by name.
    [Fact]
    public void Read_AffectsRefs_ResolvedToTargets()
    {
        var result = VexHarness.ReadText(Json, "x.cdx.json", """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "serialNumber": "urn:uuid:1b671687-395b-41f5-a30f-a58921a69b79",
             "metadata": {"timestamp": "2026-05-01T10:00:00Z", "authors": [{"name": "Shop Security"}], "component": {"bom-ref": "app", "name": "shop", "version": "2.0"}},
             "components": [{"bom-ref": "outer", "name": "outer", "components": [{"bom-ref": "inner", "name": "inner", "purl": "pkg:npm/inner@1.0.0"}]},
                            {"bom-ref": "lib", "name": "lib", "purl": "pkg:npm/lib"}],
             "vulnerabilities": [{"id": "CVE-2026-1", "analysis": {"state": "resolved", "lastUpdated": "2026-04-01T00:00:00Z"},
               "affects": [
                 {"ref": "lib", "versions": [{"range": "vers:npm/>=1.0.0|<1.4.0", "status": "affected"}, {"version": "1.5.0", "status": "unaffected"}, {"version": "1.4.2"}]},
                 {"ref": "inner", "versions": [{"range": "vers:npm/<2.0.0", "status": "affected"}]},
                 {"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:npm/linked@3.0.0"},
                 {"ref": "nowhere"}]}]}
            """);

        var statement = Assert.Single(result.Document!.Statements);
        Assert.Equal(("shop", VexState.Fixed, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)), (statement.Product, statement.State, statement.Timestamp));
        Assert.Equal(
            [
                ("pkg:npm/lib", "vers:npm/>=1.0.0|<1.4.0", null),
                ("pkg:npm/lib@1.4.2", null, null),
                ("pkg:npm/inner@1.0.0", null, null),
                ("pkg:npm/linked@3.0.0", null, null),
                (null, null, "nowhere"),
            ],
            statement.Targets.Select(t => (t.Purl, t.VersRange, t.Name)));
        Assert.Equal(("Shop Security", "urn:uuid:1b671687-395b-41f5-a30f-a58921a69b79"), (result.Document.Author, result.Document.Id));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "/vulnerabilities/0/affects/3"), (warning.Severity, warning.Location));
    }

    // CycloneDX's nine justifications onto OpenVEX's five; the writer's exact one in a property wins.
    [Theory]
    [InlineData("code_not_present", null, VexJustification.VulnerableCodeNotPresent)]
    [InlineData("code_not_reachable", null, VexJustification.VulnerableCodeNotInExecutePath)]
    [InlineData("requires_configuration", null, VexJustification.VulnerableCodeCannotBeControlledByAdversary)]
    [InlineData("requires_dependency", null, VexJustification.ComponentNotPresent)]
    [InlineData("requires_environment", null, VexJustification.VulnerableCodeCannotBeControlledByAdversary)]
    [InlineData("protected_by_compiler", null, VexJustification.InlineMitigationsAlreadyExist)]
    [InlineData("protected_at_runtime", null, VexJustification.InlineMitigationsAlreadyExist)]
    [InlineData("protected_at_perimeter", null, VexJustification.InlineMitigationsAlreadyExist)]
    [InlineData("protected_by_mitigating_control", null, VexJustification.InlineMitigationsAlreadyExist)]
    [InlineData("code_not_present", "component_not_present", VexJustification.ComponentNotPresent)]
    public void Read_Justification_MappedOntoOpenVex(string justification, string? exact, VexJustification expected)
    {
        var properties = exact is null ? "" : $$""", "properties": [{"name": "ctem:vex:justification", "value": "{{exact}}"}]""";
        var result = VexHarness.ReadText(Json, "x.cdx.json", $$"""
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "vulnerabilities": [{"id": "CVE-2026-1", "analysis": {"state": "not_affected", "justification": "{{justification}}"},
             "affects": [{"ref": "pkg:npm/a@1.0.0"}]{{properties}}}]}
            """);

        Assert.Equal(expected, Assert.Single(result.Document!.Statements).Justification);
    }

    [Theory]
    [InlineData("""{"state": "not_affected"}""", "CVE-2026-1: not_affected without a justification or an impact statement is not a valid CycloneDX VEX statement")]
    [InlineData("""{"state": "maybe"}""", "CVE-2026-1: analysis state 'maybe' is not one of not_affected")]
    [InlineData("""{"state": "not_affected", "justification": "trust_me"}""", "CVE-2026-1: analysis justification 'trust_me' is not a CycloneDX justification")]
    public void Read_InvalidAnalysis_ErrorNotAStatement(string analysis, string message)
    {
        var result = VexHarness.ReadText(Json, "x.cdx.json", $$"""
            {"bomFormat": "CycloneDX", "specVersion": "1.4", "vulnerabilities": [{"id": "CVE-2026-1", "analysis": {{analysis}}, "affects": [{"ref": "pkg:npm/a@1.0.0"}]}]}
            """);

        Assert.Empty(result.Document!.Statements);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidVexStatement, "/vulnerabilities/0"), (error.Code, error.Location));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": []}""", "not a VEX document: this CycloneDX BOM has no \"vulnerabilities\" section")]
    [InlineData("""{"bomFormat": "CycloneDX", "specVersion": "1.3", "vulnerabilities": []}""", "unsupported CycloneDX version 1.3")]
    [InlineData("""{"bomFormat": "CycloneDX", "vulnerabilities": []}""", "unsupported CycloneDX version (none stated)")]
    [InlineData("""{"bomFormat": "SPDX"}""", "not a CycloneDX BOM")]
    public void ReadJson_NotACycloneDxVex_RefusedWithAClearError(string text, string message)
    {
        var result = VexHarness.ReadText(Json, "x.cdx.json", text);

        Assert.Null(result.Document);
        Assert.StartsWith(message, Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    // XML never resolves entities: a DOCTYPE (the way to an external-entity read) is refused before anything is read.
    [Fact]
    public void ReadXml_Doctype_RefusedWithoutResolvingIt()
    {
        var result = VexHarness.ReadText(Xml, "x.cdx.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE bom [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><vulnerabilities><vulnerability><id>&secret;</id></vulnerability></vulnerabilities></bom>
            """);

        Assert.Null(result.Document);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("2:1", error.Location);
        Assert.StartsWith("refused: the document has a DOCTYPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXml_Analysis16_ResponsesTimesAndProperties()
    {
        var result = VexHarness.ReadText(Xml, "x.cdx.xml", """
            <bom xmlns="http://cyclonedx.org/schema/bom/1.6" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
              <metadata><component type="application" bom-ref="app"><name>shop</name></component></metadata>
              <components><component type="library" bom-ref="a"><name>a</name><purl>pkg:npm/a@1.0.0</purl></component></components>
              <vulnerabilities>
                <vulnerability bom-ref="v1"><id>CVE-2026-2</id><recommendation>Upgrade a.</recommendation>
                  <analysis><state>exploitable</state><responses><response>update</response></responses><detail>Reachable from the login form.</detail>
                    <firstIssued>2026-03-01T00:00:00Z</firstIssued><lastUpdated>2026-03-02T00:00:00Z</lastUpdated></analysis>
                  <affects><target><ref>a</ref></target></affects>
                  <properties><property name="ctem:vex:evidence">Seen in the login flow.</property></properties>
                </vulnerability>
              </vulnerabilities>
            </bom>
            """);

        var statement = Assert.Single(result.Document!.Statements);
        Assert.Equal((VexState.Affected, "Reachable from the login form.", "Upgrade a.", "shop"), (statement.State, statement.Detail, statement.ActionStatement, statement.Product));
        Assert.Equal(["update"], statement.Responses);
        Assert.Equal(["Seen in the login flow."], statement.Evidence);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), statement.Timestamp);
        Assert.Equal("pkg:npm/a@1.0.0", Assert.Single(statement.Targets).Purl);
    }
}

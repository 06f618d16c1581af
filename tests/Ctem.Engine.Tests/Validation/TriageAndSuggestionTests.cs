using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Validation;
using Ctem.Plugins;
using Xunit;
using static Ctem.Engine.Tests.Validation.VexFixture;

namespace Ctem.Engine.Tests.Validation;

public sealed class TriageAndSuggestionTests
{
    // OpenVEX's rules, checked before anything is stored.
    [SkippableTheory]
    [InlineData(VexState.NotAffected, VexJustification.Unspecified, null, "not_affected needs --justification or --detail")]
    [InlineData(VexState.Affected, VexJustification.Unspecified, null, "affected needs --detail")]
    [InlineData(VexState.Fixed, VexJustification.ComponentNotPresent, null, "--justification is for not_affected")]
    [InlineData(VexState.NotAffected, VexJustification.ComponentNotPresent, null, null)]
    [InlineData(VexState.NotAffected, VexJustification.Unspecified, "only in the CLI, never in the server", null)]
    [InlineData(VexState.FalsePositive, VexJustification.Unspecified, null, null)]
    [InlineData(VexState.UnderInvestigation, VexJustification.Unspecified, null, null)]
    public async Task RecordAsync_States_FollowVexRules(VexState state, VexJustification justification, string? detail, string? error)
    {
        await using var fixture = await WithAdvisoriesAsync();
        await ScanFluxAsync(fixture);
        var finding = await FindingAsync(fixture, Cve, AwsSdk);

        var result = await Triage(fixture).RecordAsync(new TriageRequest(finding.Id, state, "alice") { Justification = justification, Detail = detail }, CancellationToken.None);

        Assert.Equal(error, result.Error is null ? null : error is not null && result.Error.Contains(error, StringComparison.Ordinal) ? error : result.Error);
        Assert.Equal(error is null ? 1 : 0, (await fixture.Store.GetVexStatementsAsync(null, CancellationToken.None)).Count);
        Assert.Equal(error is null ? state : null, result.Finding?.Vex?.State);
    }

    [SkippableFact]
    public async Task RecordAsync_Triage_IsAnAuditEntryInTheFindingsHistory()
    {
        await using var fixture = await WithAdvisoriesAsync();
        await ScanFluxAsync(fixture);
        var finding = await FindingAsync(fixture, Cve, AwsSdk);
        fixture.Time.Advance(TimeSpan.FromHours(1));

        var first = await Triage(fixture).RecordAsync(new TriageRequest(finding.Id, VexState.FalsePositive, "alice") { Detail = "the scanner confused two modules" }, CancellationToken.None);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await Triage(fixture).RecordAsync(new TriageRequest(finding.Id, VexState.FalsePositive, "bob") { Detail = "confirmed" }, CancellationToken.None);

        var events = (await fixture.Store.GetFindingEventsAsync(Product, 0, long.MaxValue, CancellationToken.None)).Where(e => e.FindingId == finding.Id && e.Kind == FindingEventKind.Vex).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("false_positive", e.VexState));
        var statements = await fixture.Store.GetFindingVexStatementsAsync(finding.Id, CancellationToken.None);
        Assert.Equal(["bob", "alice"], statements.Select(s => s.Statement.Author));
        Assert.Equal((FindingTriage.Source, "the scanner confused two modules"), (first.Statement!.Source, first.Statement.Statement.Detail));
        Assert.DoesNotContain(await OpenAsync(fixture), f => f.Id == finding.Id);
    }

    [SkippableFact]
    public async Task RecordAsync_UnknownFinding_IsRefused()
    {
        await using var fixture = await WithAdvisoriesAsync();

        var result = await Triage(fixture).RecordAsync(new TriageRequest(404, VexState.Fixed, "alice"), CancellationToken.None);

        Assert.Equal("no finding has the ID 404 (see 'ctem findings --status all' for the IDs)", result.Error);
    }

    [SkippableFact]
    public async Task SuggestAsync_DevelopmentScopeComponent_IsComponentNotPresentWithEvidence()
    {
        await using var fixture = await WithAdvisoriesAsync();
        await fixture.ScanAsync(Sbom(fixture, excluded: true), Product);
        var suggester = new VexSuggester(fixture.Store, BuiltInPlugins.VersionSchemes, fixture.Time);

        var suggestions = await suggester.SuggestAsync(Product, VexSuggestionKinds.All, CancellationToken.None);

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s =>
        {
            Assert.Equal((VexSuggestionKinds.ComponentNotPresent, VexState.NotAffected, VexJustification.ComponentNotPresent), (s.Kind, s.Statement.State, s.Statement.Justification));
            Assert.StartsWith($"{AwsSdk}@v1.15.78 is seen only in development scope", Assert.Single(s.Statement.Evidence), StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task SuggestAsync_FindingANewerScanNoLongerFinds_IsFixed_AndApplyRecordsItOnce()
    {
        await using var fixture = await WithAdvisoriesAsync();
        await fixture.ScanAsync(Sbom(fixture, excluded: false), Product, source: "release");
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await fixture.ScanAsync(fixture.Sbom("upgraded.json", Product, "pkg:golang/github.com/aws/aws-sdk-go@v1.55.0"), Product, source: "release");
        var suggester = new VexSuggester(fixture.Store, BuiltInPlugins.VersionSchemes, fixture.Time);

        var suggestions = await suggester.SuggestAsync(Product, VexSuggestionKinds.All, CancellationToken.None);
        var applied = await suggester.ApplyAsync(Product, suggestions, CancellationToken.None);
        var again = await suggester.ApplyAsync(Product, suggestions, CancellationToken.None);

        var fixedOne = Assert.Single(suggestions, s => s.Finding.Vulnerability.Id == Cve);
        Assert.Equal((VexSuggestionKinds.Fixed, VexState.Fixed), (fixedOne.Kind, fixedOne.Statement.State));
        Assert.Matches("^run 2 \\(scan of release, .* UTC\\) no longer finds CVE-2020-8911 in pkg:golang/github.com/aws/aws-sdk-go@v1.15.78$", Assert.Single(fixedOne.Statement.Evidence));
        Assert.Equal((suggestions.Count, 0), (applied.Added.Count, applied.Unchanged));
        Assert.Equal((0, suggestions.Count), (again.Added.Count, again.Unchanged));
        var finding = await FindingAsync(fixture, Cve, AwsSdk);
        Assert.Equal((VexState.Fixed, VexSuggester.Author, VexSuggester.Source), (finding.Vex!.State, finding.Vex.Author, finding.Vex.Source));
        Assert.Empty(await suggester.SuggestAsync(Product, VexSuggestionKinds.All, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ScanAsync_ScopeAutoKinds_RecordsThemAtScanTime()
    {
        await using var fixture = await WithAdvisoriesAsync();
        var scope = ScopeDocument.Empty with { Vex = new VexPolicy(null, null, [VexSuggestionKinds.ComponentNotPresent]) };

        var report = await fixture.Scanner.ScanAsync(new ScanRequest([Sbom(fixture, excluded: true)], Product) { Scope = scope }, null, CancellationToken.None);

        Assert.Empty(report.Findings);
        Assert.NotEmpty(report.ClosedByVex);
        Assert.All(await fixture.Store.GetFindingsAsync(new FindingFilter(Product, FindingStatusFilter.All), CancellationToken.None), f => Assert.Equal(VexSuggester.Author, f.Vex?.Author));
    }

    private static FindingTriage Triage(EngineFixture fixture) => new(fixture.Store, BuiltInPlugins.VersionSchemes, fixture.Time);

    /// <summary>The flux SBOM's aws-sdk-go as a CycloneDX component, in development scope ("excluded") or not.</summary>
    private static string Sbom(EngineFixture fixture, bool excluded)
    {
        var scope = excluded ? ", \"scope\": \"excluded\"" : "";
        return fixture.File($"sbom-{excluded}.json", $$$"""
            {
              "bomFormat": "CycloneDX",
              "specVersion": "1.5",
              "metadata": {"component": {"type": "application", "name": "flux", "version": "0.26.3"}},
              "components": [
                {"type": "library", "name": "github.com/aws/aws-sdk-go", "version": "v1.15.78", "purl": "{{{AwsSdk}}}@v1.15.78"{{{scope}}}}
              ]
            }
            """);
    }
}

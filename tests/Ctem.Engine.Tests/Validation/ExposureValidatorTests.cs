using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Scoping;
using Ctem.Engine.Tests.Discovery.Active;
using Ctem.Engine.Validation;
using Ctem.Plugins;
using Ctem.Plugins.Probes.Tls;
using Xunit;

namespace Ctem.Engine.Tests.Validation;

/// <summary><c>ctem validate</c> end to end on loopback: discover finds the exposure, validate proves it, a retest after the fix does not.</summary>
public sealed class ExposureValidatorTests
{
    private const string Listing = "<html><head><title>Index of /</title></head><body><a href=\"db.sql\">db.sql</a></body></html>";

    [Fact]
    public async Task Validate_DiscoveredListing_ValidatedInScopeOnly_ThenRetestAfterTheFixFeedsVex()
    {
        var pages = new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "Content-Type: text/html\r\n", Listing) };
        await using var server = LoopbackServer.Http("127.0.0.1", pages);
        await using var outside = LoopbackServer.Http("127.0.0.2", new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "", Listing) });
        var scope = Scope(server.Port, outside.Port);
        await using var fixture = await EngineFixture.CreateAsync();
        await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", [server.Port]) { Scope = scope }, CancellationToken.None);
        var listing = (await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None)).Single(f => f.Vulnerability.Id == "ctem-discover:directory-listing");
        var before = server.Accepted;

        var report = await Validator(fixture).ValidateAsync(new ValidationRequest("shop") { Scope = scope }, CancellationToken.None);
        var assessed = (await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None)).Single(f => f.Id == listing.Id);
        pages["/"] = LoopbackServer.Page(200, "Content-Type: text/html\r\n", "<html><title>Shop</title></html>");
        var retest = await Validator(fixture).ValidateAsync(new ValidationRequest(null) { Scope = scope, Retest = listing.Id }, CancellationToken.None);
        var suggestions = await new VexSuggester(fixture.Store, BuiltInPlugins.VersionSchemes, TimeProvider.System).SuggestAsync("shop", VexSuggestionKinds.All, CancellationToken.None);
        var still = (await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None)).Single(f => f.Id == listing.Id);

        Assert.Equal(0, outside.Accepted);
        Assert.True(server.Accepted > before);
        var planned = Assert.Single(report.Plan);
        Assert.Equal(("directory-listing", listing.Id, $"http://127.0.0.1:{server.Port}"), (planned.Check.Id, Assert.Single(planned.Findings).Id, Assert.Single(planned.Targets).Text));
        Assert.Contains(report.Refused, r => r.Contains("127.0.0.2", StringComparison.Ordinal) && r.Contains("outside scope.allow", StringComparison.Ordinal));
        var evidence = Assert.Single(report.Evidence);
        Assert.Equal((listing.Id, ValidationOutcome.Validated, false), (evidence.FindingId, evidence.Outcome, evidence.Retest));
        Assert.Contains("Index of /", evidence.Excerpt, StringComparison.Ordinal);
        var ssvc = assessed.Risk!.Factors.Single(f => f.Name == "ssvc");
        Assert.Contains($"Exploitation: Public PoC (validated by check directory-listing on http://127.0.0.1:{server.Port}", ssvc.Source, StringComparison.Ordinal);
        Assert.Equal((ValidationOutcome.NotReproduced, true), (Assert.Single(retest.Evidence).Outcome, retest.Evidence[0].Retest));
        Assert.Equal(FindingStatus.Open, still.Status);
        Assert.DoesNotContain("validated by", still.Risk!.Factors.Single(f => f.Name == "ssvc").Source, StringComparison.Ordinal);
        var suggestion = Assert.Single(suggestions, s => s.Kind == VexSuggestionKinds.NotReproduced);
        Assert.Equal((listing.Id, VexState.NotAffected, VexJustification.VulnerableCodeCannotBeControlledByAdversary), (suggestion.Finding.Id, suggestion.Statement.State, suggestion.Statement.Justification));
        Assert.StartsWith($"check directory-listing could not reproduce ctem-discover:directory-listing on http://127.0.0.1:{server.Port}", suggestion.Statement.Detail, StringComparison.Ordinal);
    }

    /// <summary>Bug: the next run after a validation reported the finding's score without the evidence (only the stored one had it).</summary>
    [Fact]
    public async Task Discover_AfterValidation_ReportsTheScoreWithTheEvidence()
    {
        var pages = new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "Content-Type: text/html\r\n", Listing) };
        await using var server = LoopbackServer.Http("127.0.0.1", pages);
        await using var outside = LoopbackServer.Http("127.0.0.2", new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "", Listing) });
        var scope = Scope(server.Port, outside.Port);
        await using var fixture = await EngineFixture.CreateAsync();
        await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", [server.Port]) { Scope = scope }, CancellationToken.None);
        await Validator(fixture).ValidateAsync(new ValidationRequest("shop") { Scope = scope }, CancellationToken.None);

        var again = await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", [server.Port]) { Scope = scope }, CancellationToken.None);

        var reported = again.Stored.SelectMany(s => s.Runs).SelectMany(r => r.Findings).Single(f => f.Vulnerability.Id == "ctem-discover:directory-listing");
        var stored = (await fixture.Store.GetCurrentFindingsAsync("shop", CancellationToken.None)).Single(f => f.Vulnerability.Id == "ctem-discover:directory-listing");
        Assert.Contains("validated by check directory-listing", reported.Risk!.Factors.Single(f => f.Name == "ssvc").Source, StringComparison.Ordinal);
        Assert.Equal(stored.Risk!.Score, reported.Risk.Score);
    }

    [Fact]
    public async Task Validate_DryRun_ContactsNothingAndStoresNothing()
    {
        await using var server = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/"] = LoopbackServer.Page(200, "", Listing) });
        var scope = Scope(server.Port, 1);
        await using var fixture = await EngineFixture.CreateAsync();
        await Discoverer(fixture).DiscoverAsync(new DiscoveryRequest("shop", [server.Port]) { Scope = scope }, CancellationToken.None);
        var before = server.Accepted;

        var report = await Validator(fixture).ValidateAsync(new ValidationRequest("shop") { Scope = scope, DryRun = true }, CancellationToken.None);

        Assert.Equal((true, before), (report.DryRun, server.Accepted));
        Assert.Equal(["directory-listing"], report.Plan.Select(p => p.Check.Id));
        Assert.Empty(await fixture.Store.GetValidationEvidenceAsync(null, null, CancellationToken.None));
    }

    public static TheoryData<string, string?, long?, string> Refusals => new()
    {
        { "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:{port}\"]}]", null, null, "the scope file has no scope.allow" },
        { "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:{port}\"]}]\nscope: {allow: [127.0.0.1]}", "no-such-check", null, "no check 'no-such-check'; the checks are apache-server-status, deprecated-tls," },
        { "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:{port}\"]}]\nscope: {allow: [127.0.0.1]}", null, 4242, "no finding 4242" },
        { "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.2:{port}\"]}]\nscope: {allow: [127.0.0.1]}", "git-config", null, "no in-scope deployment target" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Validate_NothingItMayDo_FailsSayingWhyAndContactsNothing(string yaml, string? check, long? retest, string message)
    {
        await using var server = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/.git/config"] = LoopbackServer.Page(200, "", "[core]\n") });
        var loaded = ScopeFile.Load("ctem.yaml", yaml.Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await using var fixture = await EngineFixture.CreateAsync();

        var report = await Validator(fixture).ValidateAsync(new ValidationRequest(retest is null ? "shop" : null) { Scope = loaded.Document!, CheckId = check, Retest = retest }, CancellationToken.None);

        Assert.Equal((OperationStatus.Failed, true, 0), (report.Status, report.UsageError, server.Accepted));
        Assert.Contains(report.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ForcedCheckWithoutFinding_RunsOnTheProductsTargetsAndStoresNothing()
    {
        await using var server = LoopbackServer.Http("127.0.0.1", new Dictionary<string, string> { ["/.git/config"] = LoopbackServer.Page(200, "", "[core]\n\tbare = false\n") });
        var scope = Scope(server.Port, 1);
        await using var fixture = await EngineFixture.CreateAsync();

        var unforced = await Validator(fixture).ValidateAsync(new ValidationRequest("shop") { Scope = scope }, CancellationToken.None);
        var forced = await Validator(fixture).ValidateAsync(new ValidationRequest("shop") { Scope = scope, CheckId = "git-config" }, CancellationToken.None);

        Assert.Equal((OperationStatus.Succeeded, 0), (unforced.Status, unforced.Plan.Count));
        var result = Assert.Single(forced.Results);
        Assert.Equal(("git-config", ValidationOutcome.Validated), (result.Check.Id, result.Outcome));
        Assert.Empty(forced.Evidence);
    }

    private static ScopeDocument Scope(int port, int outsidePort)
    {
        var loaded = ScopeFile.Load("ctem.yaml", $"""
            products:
              - name: shop
                deployments:
                  - name: lab
                    environment: test
                    targets: ["http://127.0.0.1:{port}/", "127.0.0.2:{outsidePort}"]
            scope:
              allow: ["127.0.0.1"]
            """);
        Assert.Empty(loaded.Diagnostics);
        return loaded.Document!;
    }

    private static ExposureValidator Validator(EngineFixture fixture) => new(fixture.Store, new TlsProbe(), new FakeResolver([]), TimeProvider.System);

    private static ActiveDiscoverer Discoverer(EngineFixture fixture) =>
        new(new ReportIngester(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), TimeProvider.System),
            BuiltInPlugins.ServiceProbes, new FakeResolver([]), TimeProvider.System);
}

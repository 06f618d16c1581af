using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private static readonly PackageKey LeftPad = new("npm", "left-pad");

    /// <summary>Stored modified time (days from T0, null: none stored), incoming one, expected outcome, summary kept.</summary>
    public static TheoryData<int?, int, UpsertOutcome, string> UpsertCases => new()
    {
        { null, 0, UpsertOutcome.Inserted, "incoming" },
        // Same time, other content (the summaries differ): sources with a placeholder 'modified' still update.
        { 0, 0, UpsertOutcome.Updated, "incoming" },
        { -1, 0, UpsertOutcome.Updated, "incoming" },
        { 1, 0, UpsertOutcome.Older, "stored" },
    };

    [SkippableTheory]
    [MemberData(nameof(UpsertCases))]
    public async Task UpsertAsync_StoredVersionVaries_ReturnsOutcomeAndKeepsNewest(int? storedDays, int incomingDays, UpsertOutcome expected, string kept)
    {
        var store = await OpenStoreAsync();
        if (storedDays is { } days)
        {
            await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0.AddDays(days), [StoreData.Npm("left-pad")], summary: "stored"));
        }

        UpsertOutcome outcome;
        await using (var import = await store.BeginKnowledgeImportAsync(Ct))
        {
            outcome = await import.UpsertAsync(StoreData.Advisory("GHSA-1", StoreData.T0.AddDays(incomingDays), [StoreData.Npm("left-pad")], summary: "incoming"), Ct);
            await import.CommitAsync(Ct);
        }

        Assert.Equal(expected, outcome);
        var candidate = Assert.Single((await store.FindAdvisoriesAsync([LeftPad], Ct))[LeftPad]);
        Assert.Equal(kept, candidate.Summary);
    }

    [SkippableFact]
    public async Task UpsertAsync_SubMicrosecondModifiedReimported_IsUnchanged()
    {
        var store = await OpenStoreAsync();
        var modified = StoreData.T0.AddTicks(1234567).ToOffset(TimeSpan.FromHours(2));
        await ImportAsync(store, StoreData.Advisory("GHSA-1", modified, [StoreData.Npm("left-pad")]));

        await using var import = await store.BeginKnowledgeImportAsync(Ct);
        var outcome = await import.UpsertAsync(StoreData.Advisory("GHSA-1", modified, [StoreData.Npm("left-pad")]), Ct);

        Assert.Equal(UpsertOutcome.Unchanged, outcome);
    }

    [SkippableFact]
    public async Task UpsertAsync_NewerRecordNamesOtherPackage_ReplacesPackages()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")]));
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0.AddDays(1), [StoreData.Npm("right-pad")]));

        var rightPad = new PackageKey("npm", "right-pad");
        var found = await store.FindAdvisoriesAsync([LeftPad, rightPad], Ct);

        Assert.Empty(found[LeftPad]);
        Assert.Equal("GHSA-1", Assert.Single(found[rightPad]).AdvisoryId);
    }

    [SkippableFact]
    public async Task FindAdvisoriesAsync_WithdrawnAdvisory_IsNotReturned()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(
            store,
            StoreData.Advisory("GHSA-live", StoreData.T0, [StoreData.Npm("left-pad")]),
            StoreData.Advisory("GHSA-gone", StoreData.T0, [StoreData.Npm("left-pad")], withdrawn: StoreData.T0));

        var candidates = (await store.FindAdvisoriesAsync([LeftPad], Ct))[LeftPad];

        Assert.Equal(["GHSA-live"], candidates.Select(c => c.AdvisoryId));
    }

    [SkippableFact]
    public async Task FindAdvisoriesAsync_SeveralKeys_ReturnsCandidatesPerKey()
    {
        var store = await OpenStoreAsync();
        var django = new AffectedPackage("PyPI", "Django_Rest.Framework", null, [], ["1.0"]);
        await ImportAsync(
            store,
            StoreData.Advisory("PYSEC-1", StoreData.T0, [django]),
            StoreData.Advisory("GHSA-2", StoreData.T0, [StoreData.Npm("left-pad"), StoreData.Npm("left-pad", "3.0.0", "3.1.0")]),
            StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")]));
        var pypi = new PackageKey("PyPI", "django-rest-framework");
        var missing = new PackageKey("npm", "nothing-here");

        var found = await store.FindAdvisoriesAsync([LeftPad, pypi, missing, LeftPad], Ct);

        Assert.Equal(["GHSA-1", "GHSA-2", "GHSA-2"], found[LeftPad].Select(c => c.AdvisoryId));
        Assert.Equal("3.0.0", found[LeftPad][2].Affected.Ranges[0].Events[0].Version);
        var candidate = Assert.Single(found[pypi]);
        Assert.Equal(["CVE-ALIAS-PYSEC-1"], candidate.Aliases);
        Assert.Equal("HIGH", candidate.Severity);
        Assert.Empty(found[missing]);
    }

    [SkippableFact]
    public async Task FindAdvisoriesAsync_OneAdvisoryNamingBothKeys_GivesEachKeyTheAdvisoryWithItsOwnPackage()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad", fixedIn: "1.5.0"), StoreData.Npm("right-pad", fixedIn: "3.0.0")]));
        var rightPad = new PackageKey("npm", "right-pad");

        var found = await store.FindAdvisoriesAsync([LeftPad, rightPad], Ct);

        var (left, right) = (Assert.Single(found[LeftPad]), Assert.Single(found[rightPad]));
        Assert.Equal(("left-pad", "1.5.0"), (left.Affected.Name, left.Affected.Ranges[0].Events[1].Version));
        Assert.Equal(("right-pad", "3.0.0"), (right.Affected.Name, right.Affected.Ranges[0].Events[1].Version));
        foreach (var candidate in (AdvisoryCandidate[])[left, right])
        {
            Assert.Equal(("GHSA-1", "summary of GHSA-1", "HIGH"), (candidate.AdvisoryId, candidate.Summary, candidate.Severity));
            Assert.Equal(["CVE-ALIAS-GHSA-1"], candidate.Aliases);
            Assert.Equal("CVSS_V3", Assert.Single(candidate.Scores).Type);
        }
    }

    [SkippableFact]
    public async Task FindAdvisoriesAsync_StoredAffectedPackage_RoundTripsFaithfully()
    {
        var store = await OpenStoreAsync();
        var affected = new AffectedPackage(
            "Go",
            "github.com/example/mod",
            "pkg:golang/github.com/example/mod",
            [
                new AffectedRange(RangeType.Semver, null, [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.LastAffected, "1.2.3")]),
                new AffectedRange(RangeType.Ecosystem, null, [new(RangeEventKind.Introduced, "2.0.0"), new(RangeEventKind.Limit, "2.5.0")]),
                new AffectedRange(RangeType.Git, "https://github.com/example/mod", [new(RangeEventKind.Introduced, "abc123"), new(RangeEventKind.Fixed, "def456")]),
            ],
            ["1.0.0", "1.2.3"]);
        await ImportAsync(store, StoreData.Advisory("GO-2025-1", StoreData.T0, [affected]));

        var candidate = Assert.Single((await store.FindAdvisoriesAsync([affected.Key], Ct))[affected.Key]);

        Assert.Equivalent(affected, candidate.Affected, strict: true);
        Assert.Empty(candidate.Affected.FixedVersions);
    }

    [SkippableFact]
    public async Task BeginKnowledgeImportAsync_DisposedWithoutCommit_LeavesDatabaseAsItWas()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")], summary: "before"));

        await using (var import = await store.BeginKnowledgeImportAsync(Ct))
        {
            await import.UpsertAsync(StoreData.Advisory("GHSA-1", StoreData.T0.AddDays(1), [StoreData.Npm("left-pad")], summary: "after"), Ct);
            await import.UpsertAsync(StoreData.Advisory("GHSA-2", StoreData.T0, [StoreData.Npm("left-pad")]), Ct);
        }

        var candidate = Assert.Single((await store.FindAdvisoriesAsync([LeftPad], Ct))[LeftPad]);
        Assert.Equal("before", candidate.Summary);
        Assert.Equal(1, Assert.Single(await store.GetKnowledgeStatusAsync(Ct)).Advisories);
    }

    [SkippableFact]
    public async Task GetKnowledgeStatusAsync_MixedAdvisories_ReturnsSortedRowPerSourceAndEcosystem()
    {
        var store = await OpenStoreAsync();
        var pypi = new AffectedPackage("PyPI", "requests", null, [], ["2.0"]);
        await ImportAsync(
            store,
            StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("a"), StoreData.Npm("b")]),
            StoreData.Advisory("GHSA-2", StoreData.T0.AddDays(2), [StoreData.Npm("a"), pypi], withdrawn: StoreData.T0.AddDays(2)));
        Time.Advance(TimeSpan.FromHours(1));
        await ImportAsync(store, StoreData.Advisory("PYSEC-1", StoreData.T0.AddDays(1), [pypi]));

        var rows = await store.GetKnowledgeStatusAsync(Ct);

        Assert.Equal(
            [
                new KnowledgeStatusRow("GHSA", "PyPI", 1, 1, StoreData.T0.AddDays(2), StoreData.T0),
                new KnowledgeStatusRow("GHSA", "npm", 2, 1, StoreData.T0.AddDays(2), StoreData.T0),
                new KnowledgeStatusRow("PYSEC", "PyPI", 1, 0, StoreData.T0.AddDays(1), StoreData.T0.AddHours(1)),
            ],
            rows);
    }

    [SkippableFact]
    public async Task GetKnowledgeStatusAsync_AdvisoryNarrowedByLaterImport_CountsOnlyWhatItNamesNow()
    {
        var store = await OpenStoreAsync();
        var pypi = new AffectedPackage("PyPI", "requests", null, [], ["2.0"]);
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("a"), pypi]));
        Time.Advance(TimeSpan.FromHours(1));
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0.AddDays(1), [StoreData.Npm("a")]));

        var rows = await store.GetKnowledgeStatusAsync(Ct);

        Assert.Equal([new KnowledgeStatusRow("GHSA", "npm", 1, 0, StoreData.T0.AddDays(1), StoreData.T0.AddHours(1))], rows);
    }
}

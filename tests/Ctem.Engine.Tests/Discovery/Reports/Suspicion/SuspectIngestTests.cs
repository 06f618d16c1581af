using Ctem.Core.Model;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Prioritization;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery.Reports.Suspicion;

/// <summary>
/// Issue 11 on the shared Grype samples, with the crates.io, PyPI and Go OSV exports as knowledge: exactly the findings
/// whose advisories are all for another ecosystem are suspect, every finding is still stored and listed, and the suspect
/// ones are ranked down. The expected sets were counted apart from Ctem, with Python over the same files.
/// </summary>
public sealed class SuspectIngestTests
{
    private static readonly string[] Knowledge = ["osv/crates.io.zip", "osv/PyPI.zip", "osv/Go.zip"];

    // GitHub's advisories for npm (and others): with them held, a CPE-only match on an npm package that none names is suspect.
    private static readonly string[] WithNpm = [.. Knowledge, "osv/ghsa-samples"];

    /// <summary>Cases: knowledge held, Grype report, its distinct findings, the suspect ones ("purl|vulnerability").</summary>
    public static TheoryData<string[], string, int, string[]> Cases => new()
    {
        // Grype matched all but static-eval by CPE (matchDetails[].found.cpes): the Rust crate's CVE and the Redis
        // server's on the Python client are suspect; the npm CPE-only matches are not judged without npm advisories held.
        { Knowledge, "defectdojo__many_vulns4.json", 9, ["pkg:npm/clipboard@2.0.8|CVE-2014-5509", "pkg:npm/through@2.3.8|CVE-2021-29940", "pkg:pypi/redis@3.5.3|CVE-2021-32626"] },
        // With them: DeleGate (a proxy server), Slash (Slashcode), Apple's PDFKit, each for any platform, none an npm advisory's.
        {
            WithNpm, "defectdojo__many_vulns4.json", 9,
            [
                "pkg:npm/clipboard@2.0.8|CVE-2014-5509", "pkg:npm/delegate@3.2.0|CVE-1999-1338", "pkg:npm/delegate@3.2.0|CVE-2005-0036",
                "pkg:npm/delegate@3.2.0|CVE-2005-0861", "pkg:npm/pdfkit@0.12.0|CVE-2007-2405", "pkg:npm/slash@4.0.0|CVE-2002-1647",
                "pkg:npm/through@2.3.8|CVE-2021-29940", "pkg:pypi/redis@3.5.3|CVE-2021-32626",
            ]
        },
        // PyPA's PYSEC-2023-188 lists the Java CVE-2023-39410 for PyPI, but Grype names its Maven GHSA: not suspect.
        { Knowledge, "defectdojo__issue_9618.json", 35, [] },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Ingest_GrypeSample_MarksExactlyTheMismatchedFindingsAndKeepsThemAll(string[] knowledge, string sample, int distinct, string[] suspect)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync([.. knowledge.Select(k => RepoPaths.SharedData(k.Split('/')))]);

        var report = await Ingester(fixture).IngestAsync(new IngestRequest([RepoPaths.SharedData("scanners", "grype", sample)], "app", null), CancellationToken.None);
        var stored = await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        Assert.Equal(distinct, stored.Count);
        Assert.Equal(suspect, stored.Where(f => f.Suspect is not null).Select(f => $"{f.ComponentPurl}|{f.Vulnerability.Id}").Order(StringComparer.Ordinal));
        Assert.Equal(suspect, report.Runs.SelectMany(r => r.Findings).Where(f => f.Suspect is not null).Select(f => $"{f.ComponentCoordinates}|{f.Vulnerability.Id}").Order(StringComparer.Ordinal));
        Assert.All(stored.Where(f => f.Suspect is not null), f => Assert.Equal(f.Suspect, f.Risk!.Factors.Single(x => x.Name == "suspect").Value));
    }

    // Redis: suspect only once PyPI's advisories are held (none names the Redis server's CVE); without them, nothing speaks against it.
    [SkippableFact]
    public async Task Ingest_SuspectFinding_ScoresHalfWhatItScoresWithoutTheEvidence()
    {
        RepoPaths.RequireShared();
        var report = RepoPaths.SharedData("scanners", "grype", "defectdojo__many_vulns4.json");
        await using var unknowing = await EngineFixture.CreateAsync();
        await using var knowing = await EngineFixture.CreateAsync();
        await knowing.ImportAsync(RepoPaths.SharedData("osv", "PyPI.zip"));

        await Ingester(unknowing).IngestAsync(new IngestRequest([report], "app", null), CancellationToken.None);
        await Ingester(knowing).IngestAsync(new IngestRequest([report], "app", null), CancellationToken.None);
        var unjudged = await unknowing.Store.GetCurrentFindingsAsync("app", CancellationToken.None);
        var listed = await knowing.Store.GetCurrentFindingsAsync("app", CancellationToken.None);
        var plain = Redis(unjudged);
        var suspect = Redis(listed);

        Assert.Null(plain.Suspect);
        Assert.Equal("the tool matched it by CPE only (cpe:2.3:a:redis:redis:*:*:*:*:*:*:*:*), which names no PyPI software, and none of the PyPI advisories held names it", suspect.Suspect);
        Assert.Equal(plain.Risk!.Score / 2, suspect.Risk!.Score, 0.05 + 1e-9);
        // Ranked down, still listed.
        Assert.True(listed.ToList().IndexOf(suspect) > unjudged.ToList().IndexOf(plain));
        Assert.Equal(unjudged.Count, listed.Count);
    }

    [SkippableFact]
    public async Task Reprioritize_SuspectFinding_StaysRankedDown()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(RepoPaths.SharedData("osv", "crates.io.zip"));
        await Ingester(fixture).IngestAsync(new IngestRequest([RepoPaths.SharedData("scanners", "grype", "defectdojo__many_vulns4.json")], "app", null), CancellationToken.None);
        var before = Through(await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None));

        await Reprioritizer.RunAsync(fixture.Store, fixture.Time, CancellationToken.None);
        var after = Through(await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None));

        Assert.Equal(before.Suspect, after.Suspect);
        Assert.Equal(before.Risk!.Score, after.Risk!.Score);
        Assert.Contains(after.Risk.Factors, f => f.Name == "suspect");
    }

    private static ReportIngester Ingester(EngineFixture fixture) =>
        new(fixture.Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), fixture.Time);

    private static StoredFinding Through(IReadOnlyList<StoredFinding> findings) => findings.Single(f => f.ComponentPurl == "pkg:npm/through@2.3.8");

    private static StoredFinding Redis(IReadOnlyList<StoredFinding> findings) => findings.Single(f => f.ComponentPurl == "pkg:pypi/redis@3.5.3");
}

using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery;

/// <summary>
/// End-to-end matching on real advisories, one table row per hand-checked case: the record is imported alone and a
/// one-component SBOM is scanned. Each row names the rule it checks.
/// </summary>
public sealed class RealAdvisoryCasesTests
{
    private const string Gitlab = "gitlab-community-converted/";

    private static readonly (string Source, string Entry, string Purl, bool Affected, string Rule)[] Table =
    [
        // crates.io RUSTSEC-2017-0002 (hyper): introduced 0.0.0-0, fixed 0.9.18, introduced 0.10.0, fixed 0.10.2
        ("crates.io.zip", "RUSTSEC-2017-0002.json", "pkg:cargo/hyper@0.9.17", true, "first range"),
        ("crates.io.zip", "RUSTSEC-2017-0002.json", "pkg:cargo/hyper@0.9.18", false, "fixed is exclusive"),
        ("crates.io.zip", "RUSTSEC-2017-0002.json", "pkg:cargo/hyper@0.10.0", true, "second introduced is inclusive"),
        ("crates.io.zip", "RUSTSEC-2017-0002.json", "pkg:cargo/hyper@0.10.2", false, "second fixed"),
        ("crates.io.zip", "RUSTSEC-2017-0002.json", "pkg:cargo/hyper@0.11.0", false, "above every range"),

        // Bitnami BIT-activemq-2020-1941: introduced 5.0.0, last_affected 5.15.11
        ("Bitnami.zip", "BIT-activemq-2020-1941.json", "pkg:bitnami/activemq@5.15.11", true, "last_affected is inclusive"),
        ("Bitnami.zip", "BIT-activemq-2020-1941.json", "pkg:bitnami/activemq@5.15.12", false, "above last_affected"),
        ("Bitnami.zip", "BIT-activemq-2020-1941.json", "pkg:bitnami/activemq@4.9.9", false, "below introduced"),

        // PyPI PYSEC-2005-1 (trac): introduced 0, fixed 0.10, versions [0.8.4, 0.9]
        ("PyPI.zip", "PYSEC-2005-1.json", "pkg:pypi/trac@0.9", true, "listed version"),
        ("PyPI.zip", "PYSEC-2005-1.json", "pkg:pypi/trac@0.9.1", true, "introduced 0, PEP 440 order"),
        ("PyPI.zip", "PYSEC-2005-1.json", "pkg:pypi/trac@0.10", false, "fixed, 0.10 > 0.9 numerically"),
        ("PyPI.zip", "PYSEC-2005-1.json", "pkg:pypi/Trac@0.10rc1", true, "pre-release sorts below its release; PEP 503 name"),

        // Go GO-2022-0617 (k8s.io/kubernetes): introduced 0, but withdrawn
        ("Go.zip", "GO-2022-0617.json", "pkg:golang/k8s.io/kubernetes@v1.20.0", false, "withdrawn never matches"),

        // npm (GitLab, derived) node-fetch: introduced 0, fixed 2.6.1, versions [3.0.0]
        (Gitlab + "npm.zip", "GLAD-000ce9bd-fa5b-4a52-9962-64fb4290f446.json", "pkg:npm/node-fetch@2.6.0", true, "below fixed"),
        (Gitlab + "npm.zip", "GLAD-000ce9bd-fa5b-4a52-9962-64fb4290f446.json", "pkg:npm/node-fetch@2.6.1", false, "fixed"),
        (Gitlab + "npm.zip", "GLAD-000ce9bd-fa5b-4a52-9962-64fb4290f446.json", "pkg:npm/node-fetch@3.0.0", true, "versions list beyond the range"),

        // RubyGems doorkeeper: introduced 0, last_affected 4.2.0
        (Gitlab + "RubyGems.zip", "GLAD-000c563f-845d-43f5-b3ce-20faf7c842ab.json", "pkg:gem/doorkeeper@4.2.0", true, "last_affected is inclusive"),
        (Gitlab + "RubyGems.zip", "GLAD-000c563f-845d-43f5-b3ce-20faf7c842ab.json", "pkg:gem/doorkeeper@4.2.1", false, "above last_affected"),

        // Packagist symfony/validator: introduced 2.0.0, fixed 2.0.17
        (Gitlab + "Packagist.zip", "GLAD-0008ad50-0be2-477a-bd1a-b489dd348594.json", "pkg:composer/symfony/validator@2.0.16", true, "in range"),
        (Gitlab + "Packagist.zip", "GLAD-0008ad50-0be2-477a-bd1a-b489dd348594.json", "pkg:composer/Symfony/Validator@2.0.17", false, "fixed; case-insensitive name"),
        (Gitlab + "Packagist.zip", "GLAD-0008ad50-0be2-477a-bd1a-b489dd348594.json", "pkg:composer/symfony/validator@1.9.0", false, "below introduced"),

        // NuGet open-enclave: introduced 0, fixed 0.17.1
        (Gitlab + "NuGet.zip", "GLAD-0059e655-b768-4d08-8568-5900e873ef9f.json", "pkg:nuget/Open-Enclave@0.17.0", true, "case-insensitive name"),
        (Gitlab + "NuGet.zip", "GLAD-0059e655-b768-4d08-8568-5900e873ef9f.json", "pkg:nuget/open-enclave@0.17.1", false, "fixed"),

        // Maven commons-jelly: introduced 0, last_affected 1.0.1
        (Gitlab + "Maven.zip", "GLAD-000d8444-7aa9-4336-a3bf-6085d161eb55.json", "pkg:maven/commons-jelly/commons-jelly@1.0.1", true, "last_affected"),
        (Gitlab + "Maven.zip", "GLAD-000d8444-7aa9-4336-a3bf-6085d161eb55.json", "pkg:maven/commons-jelly/commons-jelly@1.0.2", false, "above last_affected"),

        // Maven GHSA-7rjr-3q55-vv33 (Log4j CVE-2021-45046): [2.13.0, 2.16.0) and [0, 2.12.2)
        ("ghsa-samples/GHSA-7rjr-3q55-vv33.json", "", "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0", true, "second affected entry"),
        ("ghsa-samples/GHSA-7rjr-3q55-vv33.json", "", "pkg:maven/org.apache.logging.log4j/log4j-core@2.12.2", false, "between the two ranges"),
        ("ghsa-samples/GHSA-7rjr-3q55-vv33.json", "", "pkg:maven/org.apache.logging.log4j/log4j-core@2.12.1", true, "first range"),
        ("ghsa-samples/GHSA-7rjr-3q55-vv33.json", "", "pkg:maven/org.apache.logging.log4j/log4j-core@2.16.0", false, "fixed"),
    ];

    public static TheoryData<string, string, string, bool, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string, bool, string>();
            foreach (var (source, entry, purl, affected, rule) in Table)
            {
                data.Add(source, entry, purl, affected, rule);
            }

            return data;
        }
    }

    /// <summary>Each record whose table rows check it (the withdrawn one aside, which matches nothing).</summary>
    public static TheoryData<string, string> Records
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (source, entry) in Table.Select(c => (c.Source, c.Entry)).Distinct())
            {
                data.Add(source, entry);
            }

            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Scan_RealAdvisory_MatchesAsHandChecked(string source, string entry, string purl, bool affected, string rule)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var record = entry.Length == 0 ? RepoPaths.SharedData("osv", source) : fixture.SharedOsvRecord(source, entry);
        var import = await fixture.ImportAsync(record);
        Assert.Equal(1, import.Imported);

        var report = await fixture.ScanAsync(fixture.Sbom("sbom.json", "app", purl));

        Assert.True(affected == (report.Findings.Count == 1), $"{purl}: expected {(affected ? "a finding" : "none")} ({rule})");
        Assert.Empty(report.Undetermined);
    }

    // A scan describes the vulnerabilities of each set of matched advisories once and reuses them for every version
    // that meets the same set: several versions of one package in one SBOM must match exactly as each does alone.
    [SkippableTheory]
    [MemberData(nameof(Records))]
    public async Task Scan_EveryVersionInOneSbom_MatchesAsEachAlone(string source, string entry)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        var record = entry.Length == 0 ? RepoPaths.SharedData("osv", source) : fixture.SharedOsvRecord(source, entry);
        await fixture.ImportAsync(record);
        var rows = Table.Where(c => c.Source == source && c.Entry == entry).ToList();

        var report = await fixture.ScanAsync(fixture.Sbom("sbom.json", "app", [.. rows.Select(c => c.Purl)]));

        var expected = rows.Where(c => c.Affected).Select(c => c.Purl.ToLowerInvariant()).Order(StringComparer.Ordinal);
        var found = report.Findings.Select(f => f.Component.Purl!.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, found);
        Assert.Empty(report.Undetermined);
    }
}

using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Storage.Tests;

/// <summary>Small builders for advisories, components and scans.</summary>
internal static class StoreData
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AffectedPackage Npm(string name, string introduced = "0", string fixedIn = "2.0.0") => new(
        "npm",
        name,
        $"pkg:npm/{name}",
        [new AffectedRange(RangeType.Semver, null, [new RangeEvent(RangeEventKind.Introduced, introduced), new RangeEvent(RangeEventKind.Fixed, fixedIn)])],
        []);

    public static Advisory Advisory(
        string id, DateTimeOffset modified, IReadOnlyList<AffectedPackage> affected, DateTimeOffset? withdrawn = null, string? summary = null) => new(
        id,
        modified,
        T0.AddDays(-30),
        withdrawn,
        summary ?? $"summary of {id}",
        [$"CVE-ALIAS-{id}"],
        [],
        [new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")],
        "HIGH",
        affected);

    public static Component Component(string purl, string path = "package-lock.json")
    {
        var parsed = PackageUrl.Parse(purl);
        var value = parsed.Value ?? throw new ArgumentException(parsed.Error, nameof(purl));
        return new Component(value.Name, value.Version, value, $"ref-{purl}", new SourceLocation(path, "/packages/0"));
    }

    public static ObservedFinding Finding(string purl, string vulnerabilityId, params string[] aliases) => new(
        Component(purl),
        new VulnerabilityRef(vulnerabilityId, aliases, $"summary of {vulnerabilityId}", "HIGH", [$"GHSA-{vulnerabilityId}"]),
        ["2.0.0"]);

    public static ScanRecord Scan(string product, DateTimeOffset at, IReadOnlyList<ObservedFinding> findings, string source = "sbom") => new(
        new ProductRef(product, "1.0.0"),
        source,
        at,
        at.AddSeconds(5),
        [new ScanInput("bom.json", new string('a', 64), "cyclonedx")],
        findings.Select(f => f.Component).ToList(),
        findings);
}

namespace Ctem.Core.Model;

public enum RangeType
{
    Unspecified = 0,
    Semver,
    Ecosystem,
    Git,
}

public enum RangeEventKind
{
    Unspecified = 0,
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

/// <summary>One OSV range event: <c>introduced</c>, <c>fixed</c>, <c>last_affected</c> or <c>limit</c>.</summary>
public sealed record RangeEvent(RangeEventKind Kind, string Version);

/// <summary>One OSV <c>affected[].ranges[]</c> entry.</summary>
public sealed record AffectedRange(RangeType Type, string? Repo, IReadOnlyList<RangeEvent> Events);

/// <summary>One OSV <c>affected[]</c> entry: a package, its ranges and its explicit version list.</summary>
public sealed record AffectedPackage(
    string Ecosystem,
    string Name,
    string? Purl,
    IReadOnlyList<AffectedRange> Ranges,
    IReadOnlyList<string> Versions)
{
    public PackageKey Key => new(Ecosystems.NormalizeEcosystem(Ecosystem), Ecosystems.NormalizeName(Ecosystem, Name));

    /// <summary>Every <c>fixed</c> version the ranges name, in the order they are listed.</summary>
    public IEnumerable<string> FixedVersions =>
        Ranges.Where(r => r.Type != RangeType.Git)
            .SelectMany(r => r.Events)
            .Where(e => e.Kind == RangeEventKind.Fixed)
            .Select(e => e.Version);
}

/// <summary>A severity score as OSV gives it: a type (CVSS_V3, CVSS_V4, …) and a vector or value.</summary>
public sealed record SeverityScore(string Type, string Score);

/// <summary>A vulnerability advisory from a knowledge source (OSV record and its kin).</summary>
public sealed record Advisory(
    string Id,
    DateTimeOffset Modified,
    DateTimeOffset? Published,
    DateTimeOffset? Withdrawn,
    string? Summary,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Related,
    IReadOnlyList<SeverityScore> Severity,
    string? DatabaseSeverity,
    IReadOnlyList<AffectedPackage> Affected)
{
    /// <summary>URLs of references that evidence a public exploit or proof of concept (SSVC's "public PoC").</summary>
    public IReadOnlyList<string> ExploitReferences { get; init; } = [];

    /// <summary>The CWE weaknesses the record names ("CWE-79"): GitHub advisories give them in database_specific.cwe_ids.</summary>
    public IReadOnlyList<string> Cwes { get; init; } = [];

    /// <summary>The database the record comes from, from its id prefix: GHSA, GO, PYSEC, RUSTSEC, CVE, …</summary>
    public string Source => SourceOf(Id);

    public static string SourceOf(string id)
    {
        var dash = id.IndexOf('-');
        return dash <= 0 ? id : id[..dash];
    }

    /// <summary>
    /// The ecosystem an id's database covers when it covers only one: RUSTSEC is crates.io, PYSEC is PyPI, GO is Go.
    /// Null for databases of many ecosystems (GHSA, CVE, OSV, MAL, …), whose records must be read to know.
    /// </summary>
    public static string? EcosystemOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        // Only a prefix names a database: "GO" alone is no advisory's id.
        return id.IndexOf('-') <= 0 ? null : SourceOf(id) switch
        {
            "RUSTSEC" => "crates.io",
            "PYSEC" => "PyPI",
            "GO" => "Go",
            _ => null,
        };
    }
}

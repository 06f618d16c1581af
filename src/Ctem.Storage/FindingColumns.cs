namespace Ctem.Storage;

/// <summary>
/// The <c>findings</c> columns a run takes from an observation, in one order for the staging tables of
/// <see cref="NewFindingWriter"/> and <see cref="FindingBatchWriter"/>, their DDL and a row's values.
/// </summary>
internal static class FindingColumns
{
    public static readonly string[] Observed =
    [
        "finding_key", "component_purl", "ecosystem", "package_name", "version", "vulnerability_id", "aliases_json", "advisory_ids_json",
        "summary", "severity", "fixed_versions_json", "scope", "relation", "version_inferred_from", "cvss_vector", "cvss_source", "severity_source",
        "exploit_refs_json", "cwes_json", "risk_score", "priority", "risk_json", "location_root", "location_path", "location_line", "suspect",
        "owner", "owner_source", "identity_derived_from", "identity_confidence",
    ];

    // Both dialects accept these types.
    public const string ObservedDdl = """
        finding_key TEXT NOT NULL, component_purl TEXT NOT NULL, ecosystem TEXT NULL, package_name TEXT NOT NULL,
        version TEXT NULL, vulnerability_id TEXT NOT NULL, aliases_json TEXT NOT NULL, advisory_ids_json TEXT NOT NULL, summary TEXT NULL,
        severity TEXT NULL, fixed_versions_json TEXT NOT NULL, scope TEXT NULL, relation TEXT NULL, version_inferred_from TEXT NULL,
        cvss_vector TEXT NULL, cvss_source TEXT NULL, severity_source TEXT NULL, exploit_refs_json TEXT NULL, cwes_json TEXT NULL,
        risk_score DOUBLE PRECISION NULL, priority TEXT NULL, risk_json TEXT NULL, location_root TEXT NULL, location_path TEXT NULL,
        location_line INTEGER NULL, suspect TEXT NULL, owner TEXT NULL, owner_source TEXT NULL, identity_derived_from TEXT NULL,
        identity_confidence TEXT NULL
        """;

    /// <summary><paramref name="first"/> (the staging table's own first column), then the row's values of <see cref="Observed"/>.</summary>
    public static object?[] Values(object first, FindingRow row) =>
    [
        first, row.FindingKey, row.ComponentPurl, row.Ecosystem, row.PackageName, row.Version, row.VulnerabilityId, row.AliasesJson, row.AdvisoryIdsJson,
        row.Summary, row.Severity, row.FixedVersionsJson, row.Scope, row.Relation, row.VersionInferredFrom, row.CvssVector, row.CvssSource, row.SeveritySource,
        row.ExploitReferencesJson, row.CwesJson, row.RiskScore, row.Priority, row.RiskJson, row.LocationRoot, row.LocationPath, row.LocationLine, row.Suspect,
        row.Owner, row.OwnerSource, row.IdentityDerivedFrom, row.IdentityConfidence,
    ];
}

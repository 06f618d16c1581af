using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;

namespace Ctem.Storage;

/// <summary>One finding as read from <c>findings</c> joined to its product.</summary>
internal sealed class OpenFindingRow
{
    public long Id { get; set; }

    public string Product { get; set; } = string.Empty;

    public string ComponentPurl { get; set; } = string.Empty;

    public string? Ecosystem { get; set; }

    public string PackageName { get; set; } = string.Empty;

    public string? Version { get; set; }

    public string VulnerabilityId { get; set; } = string.Empty;

    public string AliasesJson { get; set; } = "[]";

    public string AdvisoryIdsJson { get; set; } = "[]";

    public string? Summary { get; set; }

    public string? Severity { get; set; }

    public string FixedVersionsJson { get; set; } = "[]";

    public string? Scope { get; set; }

    public string? Relation { get; set; }

    public string? VersionInferredFrom { get; set; }

    public string? CvssVector { get; set; }

    public string? CvssSource { get; set; }

    public string? SeveritySource { get; set; }

    public string? RiskJson { get; set; }

    public string? ExploitReferencesJson { get; set; }

    public string? CwesJson { get; set; }

    public string? LocationRoot { get; set; }

    public string? LocationPath { get; set; }

    public long? LocationLine { get; set; }

    public string? Suspect { get; set; }

    public string? Owner { get; set; }

    public string? OwnerSource { get; set; }

    public string? AssignedOwner { get; set; }

    public string? AssignedBy { get; set; }

    public string? IdentityDerivedFrom { get; set; }

    public string? IdentityConfidence { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public string Status { get; set; } = FindingStates.Open;

    public DateTimeOffset? ResolvedAt { get; set; }

    public long ReopenCount { get; set; }

    public StoredFinding ToStoredFinding(IReadOnlyList<string> sources) => new(
        Id,
        Product,
        ComponentPurl,
        Ecosystem,
        PackageName,
        Version,
        new VulnerabilityRef(VulnerabilityId, StorageJson.Strings(AliasesJson), Summary, Severity, StorageJson.Strings(AdvisoryIdsJson)) { Cvss = CvssVector, CvssSource = CvssSource, SeveritySource = SeveritySource, ExploitReferences = ExploitReferencesJson is null ? [] : StorageJson.Strings(ExploitReferencesJson), Cwes = CwesJson is null ? [] : StorageJson.Strings(CwesJson) },
        StorageJson.Strings(FixedVersionsJson),
        Status == FindingStates.Resolved ? FindingStatus.Resolved : FindingStatus.Open,
        FirstSeenAt,
        LastSeenAt,
        sources)
    {
        Scope = ComponentFacts.ScopeOf(Scope),
        Relation = ComponentFacts.RelationOf(Relation),
        VersionInferredFrom = VersionInferredFrom,
        Risk = RiskJson is null ? null : StorageJson.Deserialize<RiskAssessment>(RiskJson),
        ResolvedAt = ResolvedAt,
        ReopenCount = (int)ReopenCount,
        Place = LocationPath is null ? null : new FilePlace(LocationRoot, LocationPath, (int?)LocationLine),
        Suspect = Suspect,
        Owner = Owner,
        OwnerSource = AssignedOwner is null ? OwnerSource : $"assigned by {AssignedBy ?? "someone"}",
        Identity = IdentityDerivedFrom is null ? null : new IdentityDerivation(IdentityDerivedFrom, IdentityDerivation.Parse(IdentityConfidence)),
    };
}

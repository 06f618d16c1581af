using Ctem.Core.Diagnostics;
using Ctem.Core.Stores;

namespace Ctem.Engine.Knowledge;

public enum OperationStatus
{
    Unspecified = 0,
    Succeeded,

    /// <summary>Done and stored, but some inputs or records were rejected (see the diagnostics).</summary>
    Partial,

    /// <summary>Nothing was stored.</summary>
    Failed,
}

/// <summary>What one <c>ctem db import</c> did: counts per outcome, and every rejected record with its reason.</summary>
public sealed record ImportReport(
    OperationStatus Status,
    int Read,
    int Imported,
    int Updated,
    int Unchanged,
    int Older,
    int Withdrawn,
    IReadOnlyList<Diagnostic> Rejected)
{
    /// <summary>The snapshot feeds (KEV, EPSS) this import replaced or found unchanged.</summary>
    public IReadOnlyList<FeedImport> Feeds { get; init; } = [];

    /// <summary>True when a KEV or EPSS snapshot was replaced: open findings' exploitation facts may have changed.</summary>
    public bool FeedsChanged => Feeds.Any(f => f.Outcome is UpsertOutcome.Inserted or UpsertOutcome.Updated);

    /// <summary>The re-assessment of open findings that followed a feed change; null when none was needed.</summary>
    public Prioritization.ReprioritizeOutcome? Reprioritized { get; init; }

    /// <summary>The CVE records (CVE JSON 5, NVD) this import read and what it did with them.</summary>
    public CveRecordImport CveRecords { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>True when CVE records were inserted or updated: findings' CVSS and SSVC inputs may have changed.</summary>
    public bool CveRecordsChanged => CveRecords.Imported + CveRecords.Updated > 0;

    /// <summary>The packages whose advisories were inserted, updated or withdrawn: what re-analysis re-matches.</summary>
    public IReadOnlyCollection<Core.Model.PackageKey> ChangedPackages { get; init; } = [];

    /// <summary>The re-analysis of stored inventories that followed; null when none ran.</summary>
    public Discovery.ReanalysisOutcome? Reanalyzed { get; init; }
}

public sealed record CveRecordImport(int Read, int Imported, int Updated, int Unchanged, int Older);

public sealed record FeedImport(string Source, string? Version, DateTimeOffset? PublishedAt, int Records, UpsertOutcome Outcome);

using Ctem.Core.Model;

namespace Ctem.Core.Stores;

/// <summary>
/// One Ctem database (SQLite file or PostgreSQL). Every write is one transaction: an import or a scan is
/// stored whole or not at all.
/// </summary>
public partial interface ICtemStore : IAsyncDisposable
{
    /// <summary>Where the data lives, safe to print (no password).</summary>
    string Description { get; }

    /// <summary>The API's teams and token hashes.</summary>
    IApiTokenStore Tokens { get; }

    /// <summary>The executions of the scheduled jobs of <c>ctem serve</c>.</summary>
    IJobRunStore JobRuns { get; }

    /// <summary>Starts an advisory import; nothing is visible to readers until <see cref="IKnowledgeImport.CommitAsync"/>.</summary>
    Task<IKnowledgeImport> BeginKnowledgeImportAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<KnowledgeStatusRow>> GetKnowledgeStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="ecosystems"/> (OSV names, as package keys spell them) the knowledge base holds any
    /// advisory for that is not withdrawn: a scan says so when a scanned ecosystem has none. One index probe each.
    /// </summary>
    Task<IReadOnlySet<string>> FindEcosystemsWithAdvisoriesAsync(IReadOnlyCollection<string> ecosystems, CancellationToken cancellationToken);

    /// <summary>The snapshot feeds (KEV, EPSS) held: version, publication date, size and import time.</summary>
    Task<IReadOnlyList<FeedStatusRow>> GetFeedStatusAsync(CancellationToken cancellationToken);

    /// <summary>The CVE records held per database ("CVE", "NVD"): count, newest record and last import.</summary>
    Task<IReadOnlyList<CveRecordStatusRow>> GetCveRecordStatusAsync(CancellationToken cancellationToken);

    /// <summary>The CVE records (every database's) of the given CVE ids; ids without one are absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CveRecord>>> GetCveRecordsAsync(IReadOnlyCollection<string> cveIds, CancellationToken cancellationToken);

    /// <summary>
    /// The CVE records whose NVD configurations name any of the CPE (vendor, product) pairs (case-insensitive), vulnerable
    /// or as a platform: the candidates a fingerprint is matched against. Found by index, never by reading every record.
    /// </summary>
    Task<IReadOnlyList<CveRecord>> GetCveRecordsNamingAsync(IReadOnlyCollection<(string Vendor, string Product)> products, CancellationToken cancellationToken);

    /// <summary>KEV entries and EPSS scores for the given CVE ids; ids with neither are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, Exploitation>> GetExploitationAsync(IReadOnlyCollection<string> cveIds, CancellationToken cancellationToken);

    /// <summary>The affected entries of non-withdrawn advisories for each package key, looked up through the index.</summary>
    Task<IReadOnlyDictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>>> FindAdvisoriesAsync(
        IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken);

    /// <summary>
    /// For each id the knowledge base knows (as an advisory id or alias), every id of the same vulnerability, itself
    /// included, sorted. Unknown ids are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAliasGroupsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// For each of <paramref name="ids"/> that is the id of an advisory held and not withdrawn, the ecosystems its affected
    /// packages are in (as package keys spell them), sorted; aliases and unknown ids are absent. What an advisory is for.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAdvisoryEcosystemsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Stores a scan run, its inventory and findings, and reconciles the product's findings in one transaction.</summary>
    Task<RunOutcome> RecordScanAsync(ScanRecord scan, CancellationToken cancellationToken);

    /// <summary>Stores several runs (one per tool of an ingest) in one transaction: all of them or none.</summary>
    Task<IReadOnlyList<RunOutcome>> RecordScansAsync(IReadOnlyList<ScanRecord> scans, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the risk assessments of the given findings (after a feed update changed KEV or EPSS facts), in one transaction.
    /// Findings that no longer exist are skipped.
    /// </summary>
    Task UpdateRiskAsync(IReadOnlyCollection<(long FindingId, Scoring.Risk.RiskAssessment Risk)> assessments, CancellationToken cancellationToken);

    /// <summary>The business context and risk policy each product was last scanned with, for re-assessment; products scanned before risk scoring are absent.</summary>
    Task<IReadOnlyDictionary<string, ProductRiskSettings>> GetProductRiskSettingsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The business context and risk policy one product was last scanned with, or null: what a scan without a scope
    /// file keeps, read without the settings of every other product of the portfolio.
    /// </summary>
    Task<ProductRiskSettings?> GetProductRiskSettingsAsync(string product, CancellationToken cancellationToken);

    /// <summary>Open findings of one product without their risk assessments (<see cref="StoredFinding.Risk"/> is null): the cheap read for merging facts.</summary>
    Task<IReadOnlyList<StoredFinding>> GetCurrentFindingFactsAsync(string product, CancellationToken cancellationToken);

    /// <summary>Open findings of one product, or of every product when <paramref name="product"/> is null.</summary>
    Task<IReadOnlyList<StoredFinding>> GetCurrentFindingsAsync(string? product, CancellationToken cancellationToken);

    /// <summary>Findings by status (open, resolved or all) of one product or all, or the findings with the given ids; most urgent first.</summary>
    Task<IReadOnlyList<StoredFinding>> GetFindingsAsync(FindingFilter filter, CancellationToken cancellationToken);

    /// <summary>At most <see cref="FindingPageRequest.Limit"/> findings after the request's position, in its order, filtered in the database.</summary>
    Task<IReadOnlyList<StoredFinding>> GetFindingPageAsync(FindingPageRequest request, CancellationToken cancellationToken);

    /// <summary>How many findings the request's filters select, whatever its position, offset and limit: the total of numbered pages.</summary>
    Task<int> CountFindingsAsync(FindingPageRequest request, CancellationToken cancellationToken);

    /// <summary>The counts of each of <paramref name="products"/> that has a finding open, breaches as of <paramref name="now"/>; by product name.</summary>
    Task<IReadOnlyList<ProductFindingCounts>> CountOpenFindingsAsync(IReadOnlyCollection<string> products, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A product's runs, oldest first; empty for an unknown product.</summary>
    Task<IReadOnlyList<RunSummary>> GetRunsAsync(string product, CancellationToken cancellationToken);

    /// <summary>The history events of a product's findings with event ids up to <paramref name="uptoEventId"/>, of the findings that have an event after <paramref name="afterEventId"/>, in id order.</summary>
    Task<IReadOnlyList<FindingEvent>> GetFindingEventsAsync(string product, long afterEventId, long uptoEventId, CancellationToken cancellationToken);

    /// <summary>
    /// The current inventories (latest scan of each source) that hold any of <paramref name="packages"/>, found
    /// through the package index, with those components: what re-analysis re-matches after an advisory import.
    /// </summary>
    Task<IReadOnlyList<SourceInventory>> FindInventoriesWithAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken);

    /// <summary>
    /// The current inventories (latest scan of each source) of one product, or of every product when <paramref name="product"/>
    /// is null, whole: every component with what it depends on (<see cref="Component.DependsOn"/>: bom-refs of components of
    /// the same input document). What the remediation plan walks to find the direct dependency behind a transitive one.
    /// </summary>
    Task<IReadOnlyList<SourceInventory>> GetCurrentInventoriesAsync(string? product, CancellationToken cancellationToken);

    /// <summary>Every source that has reported the finding, active or not, in the order they first reported it.</summary>
    Task<IReadOnlyList<FindingSource>> GetFindingSourcesAsync(long findingId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProductSummary>> ListProductsAsync(CancellationToken cancellationToken);

    /// <summary>What was last downloaded from a URL (its ETag and Last-Modified), for conditional requests.</summary>
    Task<DownloadState?> GetDownloadStateAsync(string url, CancellationToken cancellationToken);

    Task SaveDownloadStateAsync(DownloadState state, CancellationToken cancellationToken);

    /// <summary>Stores VEX statements in one transaction; a statement already held (same content digest and ordinal) is counted, not written again.</summary>
    Task<VexAddOutcome> AddVexStatementsAsync(IReadOnlyList<NewVexStatement> statements, CancellationToken cancellationToken);

    /// <summary>Every stored VEX statement, or those with the given ids, in the order they were stored.</summary>
    Task<IReadOnlyList<StoredVexStatement>> GetVexStatementsAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces which statements apply to a product's findings, in one transaction; each finding's winning statement
    /// (latest timestamp, then latest stored) is its VEX state, and a new winner is a <see cref="FindingEventKind.Vex"/> event at <paramref name="at"/>.
    /// </summary>
    Task<VexLinkOutcome> ReplaceVexLinksAsync(string product, IReadOnlyCollection<VexLink> links, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Assigns a finding to a team by hand, overriding the scope file's rules, with a history event; null when there is no such finding.</summary>
    Task<Assignment?> AssignAsync(long findingId, string team, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Accepts a finding's risk until a date (replacing an acceptance in force), with a history event; null when there is no such finding.</summary>
    Task<RiskAcceptance?> AcceptRiskAsync(long findingId, string reason, DateTimeOffset until, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends the acceptances whose end date is at or before <paramref name="now"/>: their findings are back in the open list, each with an event. Returns them.</summary>
    Task<IReadOnlyList<RiskAcceptance>> ExpireAcceptancesAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every acceptance in force, oldest first.</summary>
    Task<IReadOnlyList<RiskAcceptance>> GetAcceptancesInForceAsync(CancellationToken cancellationToken);

    /// <summary>The statements that apply to a finding, the winner first, then the others newest first: what <c>--explain</c> lists.</summary>
    Task<IReadOnlyList<StoredVexStatement>> GetFindingVexStatementsAsync(long findingId, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="eventKeys"/> have already been sent on <paramref name="channel"/>: the once-per-event memory of notifications.</summary>
    Task<IReadOnlySet<string>> GetSentNotificationsAsync(string channel, IReadOnlyCollection<string> eventKeys, CancellationToken cancellationToken);

    /// <summary>Remembers that <paramref name="channel"/> accepted these events, in one transaction; keys already recorded keep their first time.</summary>
    Task RecordNotificationsSentAsync(string channel, IReadOnlyCollection<string> eventKeys, DateTimeOffset sentAt, CancellationToken cancellationToken);
}

public sealed record DownloadState(string Url, string? ETag, DateTimeOffset? LastModified, DateTimeOffset FetchedAt);

/// <summary>An open advisory import transaction. Disposing without commit rolls everything back.</summary>
public interface IKnowledgeImport : IAsyncDisposable
{
    Task<UpsertOutcome> UpsertAsync(Advisory advisory, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole snapshot of a feed (KEV catalogue, EPSS scores). The same content (by digest) again is
    /// <see cref="UpsertOutcome.Unchanged"/> and writes nothing.
    /// </summary>
    Task<UpsertOutcome> ReplaceFeedAsync(KnowledgeFeed feed, string contentSha256, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The packages that inserted, updated or withdrawn advisories of this import name, before and after: what findings
    /// may have changed for. Complete once <see cref="CommitAsync"/> returns.
    /// </summary>
    IReadOnlyCollection<PackageKey> ChangedPackages { get; }

    /// <summary>Stores a CVE record (CVE JSON 5.x or NVD), replacing an older one of the same CVE and database.</summary>
    Task<UpsertOutcome> UpsertCveRecordAsync(CveRecord record, CancellationToken cancellationToken);
}

public enum UpsertOutcome
{
    Unspecified = 0,
    Inserted,
    Updated,

    /// <summary>The stored record has the same <c>modified</c> time: nothing was written.</summary>
    Unchanged,

    /// <summary>The stored record is newer: the incoming one was ignored.</summary>
    Older,
}

public sealed record KnowledgeStatusRow(
    string Source,
    string Ecosystem,
    int Advisories,
    int Withdrawn,
    DateTimeOffset? LatestModified,
    DateTimeOffset? LastImportedAt);

public sealed record CveRecordStatusRow(string Database, int Records, DateTimeOffset? LatestModified, DateTimeOffset? LastImportedAt);

public sealed record FeedStatusRow(string Source, string? Version, DateTimeOffset? PublishedAt, int Records, DateTimeOffset ImportedAt);

public sealed record AdvisoryCandidate(
    string AdvisoryId,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string? Severity,
    AffectedPackage Affected)
{
    /// <summary>The advisory's severity scores (CVSS vectors), as the record gives them.</summary>
    public IReadOnlyList<SeverityScore> Scores { get; init; } = [];

    /// <summary>The advisory's references that evidence a public exploit.</summary>
    public IReadOnlyList<string> ExploitReferences { get; init; } = [];

    /// <summary>The CWEs the advisory names.</summary>
    public IReadOnlyList<string> Cwes { get; init; } = [];
}

/// <summary>A scan as it is to be stored.</summary>
public sealed record ScanRecord(
    ProductRef Product,
    string Source,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ScanInput> Inputs,
    IReadOnlyList<Component> Components,
    IReadOnlyList<ObservedFinding> Findings)
{
    /// <summary>
    /// False when some input could not be read: findings the scan did not see are then left open rather than resolved,
    /// since their component may sit in the unreadable file.
    /// </summary>
    public bool Complete { get; init; } = true;

    /// <summary>The product's business context and the risk policy the findings were assessed with, kept for re-assessment.</summary>
    public ProductRiskSettings? RiskSettings { get; init; }

    /// <summary>The tool that produced the findings ("ctem-scan", "trivy", …); a source's runs are keyed by (source, tool).</summary>
    public string Tool
    {
        get => _tool ?? Source;
        init => _tool = value;
    }

    private readonly string? _tool;

    public RunKind Kind { get; init; } = RunKind.Scan;

    /// <summary>The services the scanned SBOMs declare, stored with the run for the exposure graph.</summary>
    public IReadOnlyList<DeclaredService> Services { get; init; } = [];

    /// <summary>
    /// When set, only findings on these component coordinates may be resolved by this run: a re-analysis re-matched
    /// just the packages new advisories name, and says nothing of the others.
    /// </summary>
    public IReadOnlySet<string>? ResolveOnly { get; init; }
}

/// <summary>What made a run: a scan of inputs (its inventory becomes the source's current one), a report ingest, or a re-analysis of a stored inventory after an advisory import.</summary>
public enum RunKind
{
    Scan,
    Ingest,
    Reanalysis,
}

/// <summary>What a product's findings are assessed with: its business context and the weights, thresholds and SLA in force.</summary>
public sealed record ProductRiskSettings(Scoping.ProductRiskContext Context, Scoping.RiskPolicy Policy)
{
    /// <summary>Who owns what in the product, from the same scope file; findings get their owner from it at assessment.</summary>
    public Scoping.ProductOwnership? Ownership { get; init; }
}

public sealed record ScanInput(string Path, string Sha256, string Format);

public sealed record RunOutcome(long RunId, int New, int Reopened, int StillOpen, int Resolved)
{
    /// <summary>The findings this run resolved (its source stopped reporting them and no other source does).</summary>
    public IReadOnlyList<ResolvedFinding> ResolvedFindings { get; init; } = [];

    /// <summary>Findings whose priority this run changed.</summary>
    public int PriorityChanged { get; init; }

    /// <summary>The stored finding of each observation, by <see cref="ObservedFinding.Key"/>.</summary>
    public IReadOnlyDictionary<string, RecordedFinding> Findings { get; init; } = new Dictionary<string, RecordedFinding>();
}

/// <summary>A finding's id in the store and when it was first seen (its SLA clock's start).</summary>
public sealed record RecordedFinding(long Id, DateTimeOffset FirstSeenAt)
{
    /// <summary>How often it came back after being resolved, this run included.</summary>
    public int ReopenCount { get; init; }
}

public sealed record ProductSummary(string Name, int OpenFindings, DateTimeOffset? LastScanAt);

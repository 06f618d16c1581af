using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Storage;

/// <summary>
/// The store over any ADO.NET connection: all SQL is shared, the <see cref="ISqlDialect"/> supplies the rest.
/// Each operation uses its own connection, so an import in progress is invisible to readers until it commits.
/// </summary>
internal abstract partial class DbCtemStore : ICtemStore, IAcceptanceSource
{
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _time;

    protected DbCtemStore(ISqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
        TimestampTypeHandler.Register();
        Tokens = new ApiTokenQueries(OpenAsync, time);
        JobRuns = new JobRunQueries(OpenAsync);
    }

    public string Description => _dialect.Description;

    public IApiTokenStore Tokens { get; }

    public IJobRunStore JobRuns { get; }

    internal ISqlDialect Dialect => _dialect;

    /// <summary>Opens the database once and brings its schema up to date.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await new MigrationRunner(_dialect, _time).MigrateAsync(connection, cancellationToken);
        }
        catch (DbException e)
        {
            throw new CtemStoreException($"cannot update the schema of {Description}: {e.Message}", e);
        }
    }

    public async Task<IKnowledgeImport> BeginKnowledgeImportAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var transaction = await _dialect.BeginKnowledgeImportAsync(connection, cancellationToken);
            return new KnowledgeImport(connection, transaction, _dialect, _time);
        }
        catch (DbException e)
        {
            await connection.DisposeAsync();
            throw new CtemStoreException($"cannot begin an import into {Description}: {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<KnowledgeStatusRow>> GetKnowledgeStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await KnowledgeQueries.StatusAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindEcosystemsWithAdvisoriesAsync(IReadOnlyCollection<string> ecosystems, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await KnowledgeQueries.EcosystemsWithAdvisoriesAsync(connection, ecosystems, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedStatusRow>> GetFeedStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FeedQueries.StatusAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyList<CveRecordStatusRow>> GetCveRecordStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await CveRecordQueries.StatusAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CveRecord>>> GetCveRecordsAsync(IReadOnlyCollection<string> cveIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cveIds);
        await using var connection = await OpenAsync(cancellationToken);
        return await CveRecordQueries.ByIdAsync(connection, _dialect, cveIds, cancellationToken);
    }

    public async Task<IReadOnlyList<CveRecord>> GetCveRecordsNamingAsync(IReadOnlyCollection<(string Vendor, string Product)> products, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(products);
        await using var connection = await OpenAsync(cancellationToken);
        return await CveRecordQueries.NamingProductsAsync(connection, products, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Exploitation>> GetExploitationAsync(IReadOnlyCollection<string> cveIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FeedQueries.ExploitationAsync(connection, _dialect, cveIds, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>>> FindAdvisoriesAsync(
        IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await new AdvisoryLookup(connection, _dialect).FindAsync(packages, cancellationToken);
    }

    public async Task<RunOutcome> RecordScanAsync(ScanRecord scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await new ScanRecorder(connection, transaction, _dialect, _time).RecordAsync(scan, cancellationToken);
        if (scan.Kind == RunKind.Reanalysis && outcome.New + outcome.Reopened + outcome.Resolved + outcome.PriorityChanged == 0)
        {
            // A re-analysis that changed nothing leaves no run behind: history lists what happened, not every check.
            await transaction.RollbackAsync(cancellationToken);
            return outcome with { RunId = 0 };
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<RunOutcome>> RecordScansAsync(IReadOnlyList<ScanRecord> scans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scans);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recorder = new ScanRecorder(connection, transaction, _dialect, _time);
        var outcomes = new List<RunOutcome>(scans.Count);
        foreach (var scan in scans)
        {
            outcomes.Add(await recorder.RecordAsync(scan, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    public async Task<IReadOnlyList<StoredFinding>> GetCurrentFindingsAsync(string? product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.CurrentAsync(connection, _dialect, product, withRisk: true, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFinding>> GetFindingsAsync(FindingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.FindAsync(connection, _dialect, filter, withRisk: true, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFinding>> GetFindingPageAsync(FindingPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingPageQueries.PageAsync(connection, _dialect, request, cancellationToken);
    }

    public async Task<int> CountFindingsAsync(FindingPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingPageQueries.CountAsync(connection, _dialect, request, cancellationToken);
    }

    public async Task<IReadOnlyList<ProductFindingCounts>> CountOpenFindingsAsync(IReadOnlyCollection<string> products, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(products);
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingPageQueries.CountOpenAsync(connection, _dialect, products, now, cancellationToken);
    }

    public async Task<IReadOnlyList<RunSummary>> GetRunsAsync(string product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await HistoryQueries.RunsAsync(connection, product, cancellationToken);
    }

    public async Task<IReadOnlyList<FindingEvent>> GetFindingEventsAsync(string product, long afterEventId, long uptoEventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await HistoryQueries.EventsAsync(connection, product, afterEventId, uptoEventId, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceInventory>> FindInventoriesWithAsync(IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        await using var connection = await OpenAsync(cancellationToken);
        return await InventoryLookup.FindAsync(connection, _dialect, packages, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceInventory>> GetCurrentInventoriesAsync(string? product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await CurrentInventoryQueries.ReadAsync(connection, product, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFinding>> GetCurrentFindingFactsAsync(string product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.CurrentAsync(connection, _dialect, product, withRisk: false, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAliasGroupsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await OpenAsync(cancellationToken);
        return await AliasQueries.GroupsAsync(connection, _dialect, ids, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAdvisoryEcosystemsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await OpenAsync(cancellationToken);
        return await KnowledgeQueries.AdvisoryEcosystemsAsync(connection, _dialect, ids, cancellationToken);
    }

    public async Task UpdateRiskAsync(IReadOnlyCollection<(long FindingId, RiskAssessment Risk)> assessments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RiskColumns.UpdateAsync(connection, transaction, assessments, _time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, ProductRiskSettings>> GetProductRiskSettingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.RiskSettingsAsync(connection, cancellationToken);
    }

    public async Task<ProductRiskSettings?> GetProductRiskSettingsAsync(string product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.RiskSettingsOfAsync(connection, product, cancellationToken);
    }

    public async Task<IReadOnlyList<FindingSource>> GetFindingSourcesAsync(long findingId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.SourcesAsync(connection, findingId, cancellationToken);
    }

    public async Task<IReadOnlyList<ProductSummary>> ListProductsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindingQueries.ProductsAsync(connection, cancellationToken);
    }

    public async Task<DownloadState?> GetDownloadStateAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await DownloadStateQueries.GetAsync(connection, url, cancellationToken);
    }

    public async Task SaveDownloadStateAsync(DownloadState state, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await DownloadStateQueries.SaveAsync(connection, state, cancellationToken);
    }

    public async Task<VexAddOutcome> AddVexStatementsAsync(IReadOnlyList<NewVexStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await VexQueries.AddAsync(connection, transaction, statements, _time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<StoredVexStatement>> GetVexStatementsAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await VexQueries.StatementsAsync(connection, _dialect, ids, cancellationToken);
    }

    public async Task<VexLinkOutcome> ReplaceVexLinksAsync(string product, IReadOnlyCollection<VexLink> links, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await VexQueries.ReplaceLinksAsync(connection, transaction, _dialect, product, links, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<StoredVexStatement>> GetFindingVexStatementsAsync(long findingId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await VexQueries.ForFindingAsync(connection, findingId, cancellationToken);
    }

    public async Task<Assignment?> AssignAsync(long findingId, string team, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await AcceptanceQueries.AssignAsync(connection, transaction, findingId, team, by, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<RiskAcceptance?> AcceptRiskAsync(long findingId, string reason, DateTimeOffset until, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await AcceptanceQueries.AcceptAsync(connection, transaction, findingId, reason, until, by, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<RiskAcceptance>> ExpireAcceptancesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if ((await AcceptanceQueries.InForceAsync(connection, null, null, cancellationToken)).All(a => a.Until > now))
        {
            // Nothing due: no write, so reads of the findings never wait for SQLite's write lock.
            return [];
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var expired = await AcceptanceQueries.ExpireAsync(connection, transaction, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expired;
    }

    public async Task<IReadOnlyList<RiskAcceptance>> GetAcceptancesInForceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await AcceptanceQueries.InForceAsync(connection, null, null, cancellationToken);
    }

    public async Task<IReadOnlyList<RiskAcceptance>> GetRiskAcceptancesAsync(string? product, CancellationToken cancellationToken) =>
        [.. (await GetAcceptancesInForceAsync(cancellationToken)).Where(a => product is null || a.Product == product)];

    public async Task<IReadOnlySet<string>> GetSentNotificationsAsync(string channel, IReadOnlyCollection<string> eventKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventKeys);
        await using var connection = await OpenAsync(cancellationToken);
        return await NotificationQueries.SentAsync(connection, _dialect, channel, eventKeys, cancellationToken);
    }

    public async Task RecordNotificationsSentAsync(string channel, IReadOnlyCollection<string> eventKeys, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventKeys);
        await using var connection = await OpenAsync(cancellationToken);
        await NotificationQueries.RecordAsync(connection, channel, eventKeys, sentAt, cancellationToken);
    }

    public abstract ValueTask DisposeAsync();

    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dialect.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new CtemStoreException($"cannot connect to {Description}: {e.Message}", e);
        }
    }
}

using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Prioritization;

namespace Ctem.Engine.Knowledge;

/// <summary>
/// What follows every import of knowledge (<c>db import</c>, <c>db update</c>, a scheduled update): after new, changed
/// or withdrawn advisories, the stored inventories that hold their packages are re-matched (the reverse index,
/// <c>current_packages</c>); after a KEV, EPSS or CVE record change, the open findings are re-assessed so their
/// priorities follow the new facts.
/// </summary>
public static class KnowledgeReassessment
{
    public static async Task<ImportReport> RunAsync(ICtemStore store, Reanalyzer reanalyzer, TimeProvider time, ImportReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == OperationStatus.Failed)
        {
            return report;
        }

        if (report.ChangedPackages.Count > 0)
        {
            report = report with { Reanalyzed = await reanalyzer.RunAsync(report.ChangedPackages, cancellationToken) };
        }

        return report.FeedsChanged || report.CveRecordsChanged ? report with { Reprioritized = await Reprioritizer.RunAsync(store, time, cancellationToken) } : report;
    }
}

using Ctem.Core.Model;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// One reason to doubt a scanner's finding: evidence Ctem holds that the reported weakness cannot be about the
/// component it was reported on. Rules only judge; the finding is kept and shown either way (<see cref="FindingSuspicion"/>).
/// </summary>
public interface ISuspicionRule
{
    /// <summary>Why <paramref name="finding"/> is suspect, in words a user can check; null when this rule has nothing against it.</summary>
    string? Judge(ObservedFinding finding, SuspicionEvidence evidence);
}

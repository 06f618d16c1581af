namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// The risk acceptances in force for findings (<c>ctem accept</c>), for noting them on tickets. A seam: the acceptance
/// store implements it; until then sync is given none and notes nothing.
/// </summary>
public interface IRiskAcceptances
{
    /// <summary>The acceptance in force of each finding that has one.</summary>
    Task<IReadOnlyDictionary<long, RiskAcceptanceNote>> GetAsync(IReadOnlyCollection<long> findingIds, CancellationToken cancellationToken);
}

/// <param name="Id">Identifies the acceptance, so the same one is noted once and a renewed one again.</param>
public sealed record RiskAcceptanceNote(string Id, string AcceptedBy, string Reason, DateTimeOffset? ExpiresAt);

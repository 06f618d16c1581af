namespace Ctem.Core.Stores;

/// <summary>Validation evidence (<c>ctem validate</c>): each check outcome on a finding, kept as history.</summary>
public partial interface ICtemStore
{
    /// <summary>Stores the evidence and a <c>validation</c> event on each finding, in one transaction; unknown findings are skipped.</summary>
    Task<IReadOnlyList<ValidationEvidence>> RecordValidationAsync(IReadOnlyList<NewValidationEvidence> evidence, CancellationToken cancellationToken);

    /// <summary>The evidence on the product's findings (every product's when null), or on the given findings, oldest first.</summary>
    Task<IReadOnlyList<ValidationEvidence>> GetValidationEvidenceAsync(string? product, IReadOnlyCollection<long>? findingIds, CancellationToken cancellationToken);
}

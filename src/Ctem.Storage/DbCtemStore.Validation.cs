using Ctem.Core.Stores;

namespace Ctem.Storage;

internal abstract partial class DbCtemStore
{
    public async Task<IReadOnlyList<ValidationEvidence>> RecordValidationAsync(IReadOnlyList<NewValidationEvidence> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await ValidationQueries.RecordAsync(Dialect, connection, transaction, evidence, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<ValidationEvidence>> GetValidationEvidenceAsync(string? product, IReadOnlyCollection<long>? findingIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ValidationQueries.GetAsync(Dialect, connection, product, findingIds, cancellationToken);
    }
}

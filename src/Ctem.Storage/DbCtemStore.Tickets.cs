using Ctem.Core.Stores;

namespace Ctem.Storage;

internal abstract partial class DbCtemStore
{
    public async Task<IReadOnlyList<StoredTicket>> GetTicketsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await TicketQueries.AllAsync(connection, cancellationToken);
    }

    public async Task<long> SaveTicketAsync(TicketWrite ticket, IReadOnlyCollection<long> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await TicketQueries.SaveAsync(connection, transaction, ticket, findingIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task ClaimFixAsync(long ticketId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TicketQueries.ClaimFixAsync(connection, transaction, ticketId, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FixClaim>> GetUnverifiedFixClaimsAsync(string product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await TicketQueries.UnverifiedClaimsAsync(connection, product, cancellationToken);
    }

    public async Task RecordFixVerificationsAsync(IReadOnlyCollection<FixVerificationResult> results, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TicketQueries.RecordVerificationsAsync(connection, transaction, results, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkVerificationsPostedAsync(long ticketId, bool reopened, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TicketQueries.MarkPostedAsync(connection, transaction, ticketId, reopened, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkAcceptanceNotedAsync(long ticketId, long findingId, string acceptance, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await TicketQueries.MarkAcceptanceNotedAsync(connection, ticketId, findingId, acceptance, cancellationToken);
    }
}

using System.Data.Common;
using Dapper;

namespace Ctem.Storage;

/// <summary>The once-per-event memory of notifications: which event keys each channel has been sent.</summary>
internal static class NotificationQueries
{
    private const int Batch = 500;

    public static async Task<IReadOnlySet<string>> SentAsync(
        DbConnection connection, ISqlDialect dialect, string channel, IReadOnlyCollection<string> eventKeys, CancellationToken cancellationToken)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in eventKeys.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            sent.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT event_key FROM notifications_sent WHERE channel = @Channel AND {dialect.InValues("event_key", "Keys")}",
                new { Channel = channel, Keys = dialect.ListValue(batch) }, cancellationToken: cancellationToken)));
        }

        return sent;
    }

    public static async Task RecordAsync(
        DbConnection connection, string channel, IReadOnlyCollection<string> eventKeys, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in eventKeys.Distinct(StringComparer.Ordinal))
        {
            // A concurrent run may have sent the same event: the first record stands.
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO notifications_sent (channel, event_key, sent_at) VALUES (@Channel, @Key, @SentAt) ON CONFLICT (channel, event_key) DO NOTHING",
                new { Channel = channel, Key = key, SentAt = sentAt }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

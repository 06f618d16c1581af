using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

internal static class DownloadStateQueries
{
    public static async Task<DownloadState?> GetAsync(DbConnection connection, string url, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT url AS Url, etag AS ETag, last_modified AS LastModified, fetched_at AS FetchedAt FROM download_state WHERE url = @Url",
            new { Url = url }, cancellationToken: cancellationToken));
        return row is null ? null : new DownloadState(row.Url, row.ETag, row.LastModified, row.FetchedAt);
    }

    public static Task SaveAsync(DbConnection connection, DownloadState state, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO download_state (url, etag, last_modified, fetched_at) VALUES (@Url, @ETag, @LastModified, @FetchedAt)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at
            """,
            new { state.Url, state.ETag, state.LastModified, state.FetchedAt }, cancellationToken: cancellationToken));

    private sealed class Row
    {
        public string Url { get; set; } = string.Empty;

        public string? ETag { get; set; }

        public DateTimeOffset? LastModified { get; set; }

        public DateTimeOffset FetchedAt { get; set; }
    }
}

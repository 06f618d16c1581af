using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>The API's teams and token hashes (migration 0018). Each call opens its own connection, as the store's others do.</summary>
internal sealed class ApiTokenQueries(Func<CancellationToken, Task<DbConnection>> open, TimeProvider time) : IApiTokenStore
{
    private const string Columns =
        "id AS Id, team AS Team, role AS Role, token_sha256 AS Sha256, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, last_used_at AS LastUsedAt";

    public async Task<ApiToken> CreateTokenAsync(string team, ApiRole role, string sha256, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(team);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        var now = time.GetUtcNow();
        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO teams (name, created_at) VALUES (@Team, @At) ON CONFLICT (name) DO NOTHING",
            new { Team = team, At = now }, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO api_tokens (team, role, token_sha256, created_at, expires_at) VALUES (@Team, @Role, @Sha256, @At, @ExpiresAt) RETURNING id",
            new { Team = team, Role = RoleName(role), Sha256 = sha256, At = now, ExpiresAt = expiresAt }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ApiToken(id, team, role, now, expiresAt, null, null);
    }

    public async Task<(ApiToken Token, string Sha256)?> FindTokenAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_tokens WHERE token_sha256 = @Sha256", new { Sha256 = sha256 }, cancellationToken: cancellationToken));
        return row is null ? null : (row.ToToken(), row.Sha256);
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM api_tokens ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToToken()).ToList();
    }

    public async Task<bool> RevokeTokenAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, At = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task TouchTokenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET last_used_at = @At WHERE id = @Id", new { Id = id, At = at }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> ListTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM teams ORDER BY name", cancellationToken: cancellationToken))).ToList();
    }

    private static string RoleName(ApiRole role) => role switch
    {
        ApiRole.Reader => "reader",
        ApiRole.Writer => "writer",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "a token has a role"),
    };

    private sealed class Row
    {
        public long Id { get; set; }

        public string Team { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        public string Sha256 { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public DateTimeOffset? RevokedAt { get; set; }

        public DateTimeOffset? LastUsedAt { get; set; }

        public ApiToken ToToken() =>
            new(Id, Team, Enum.Parse<ApiRole>(Role, ignoreCase: true), CreatedAt, ExpiresAt, RevokedAt, LastUsedAt);
    }
}

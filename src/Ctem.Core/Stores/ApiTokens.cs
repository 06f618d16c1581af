namespace Ctem.Core.Stores;

/// <summary>What a token may do. Each role may do what the ones before it may.</summary>
public enum ApiRole
{
    Unspecified = 0,

    /// <summary>Reads its team's products and findings.</summary>
    Reader,

    /// <summary>Also scans and ingests into its team's products.</summary>
    Writer,

    /// <summary>Also manages tokens and teams.</summary>
    Admin,
}

/// <summary>An API token as stored: never the token itself, only who it is for and its life.</summary>
public sealed record ApiToken(
    long Id,
    string Team,
    ApiRole Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    /// <summary>Not revoked and not expired at <paramref name="now"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}

/// <summary>The teams and the hashes of the tokens issued to them.</summary>
public interface IApiTokenStore
{
    /// <summary>Stores a new token's hash (lower-case hex SHA-256) for <paramref name="team"/>, creating the team on first use.</summary>
    Task<ApiToken> CreateTokenAsync(string team, ApiRole role, string sha256, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>The token whose hash is <paramref name="sha256"/>, revoked and expired ones included; null when none is.</summary>
    Task<(ApiToken Token, string Sha256)?> FindTokenAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Every token, oldest first.</summary>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a token; false when no token has that id or it was revoked already.</summary>
    Task<bool> RevokeTokenAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records that a token was just used.</summary>
    Task TouchTokenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every team, by name.</summary>
    Task<IReadOnlyList<string>> ListTeamsAsync(CancellationToken cancellationToken);
}

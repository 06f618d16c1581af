using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Stores;

namespace Ctem.Engine.Access;

/// <summary>Fills a buffer with cryptographically strong random bytes; the composition root passes <c>RandomNumberGenerator.Fill</c>.</summary>
public delegate void RandomFill(Span<byte> buffer);

/// <summary>A token just issued: the secret, shown once and never stored, and what is stored of it.</summary>
public sealed record IssuedToken(string Secret, ApiToken Token);

/// <summary>
/// Issues and checks API tokens: <c>ctem_</c> and 256 random bits in base64url. Only the token's SHA-256 is stored,
/// so a leaked database gives no usable token; a presented token is hashed and compared in constant time.
/// </summary>
public sealed class ApiTokens(IApiTokenStore store, RandomFill random, TimeProvider time)
{
    public const string Prefix = "ctem_";

    private const int SecretBytes = 32;

    public async Task<IssuedToken> IssueAsync(string team, ApiRole role, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var bytes = new byte[SecretBytes];
        random(bytes);
        var secret = Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = await store.CreateTokenAsync(team, role, Hash(secret), expiresAt, cancellationToken);
        return new IssuedToken(secret, token);
    }

    /// <summary>The usable token <paramref name="secret"/> is, and marks it used; null for anything else (unknown, revoked, expired, malformed).</summary>
    public async Task<ApiToken?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        var hash = Hash(secret);
        if (await store.FindTokenAsync(hash, cancellationToken) is not var (token, stored)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(stored)))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!token.IsUsableAt(now))
        {
            return null;
        }

        await store.TouchTokenAsync(token.Id, now, cancellationToken);
        return token with { LastUsedAt = now };
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes: what the store keeps.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A role by the name the CLI and API use (reader, writer, admin), or null.</summary>
    public static ApiRole? ParseRole(string? name) => name switch
    {
        "reader" => ApiRole.Reader,
        "writer" => ApiRole.Writer,
        "admin" => ApiRole.Admin,
        _ => null,
    };

    public static string RoleName(ApiRole role) => role.ToString().ToLowerInvariant();
}

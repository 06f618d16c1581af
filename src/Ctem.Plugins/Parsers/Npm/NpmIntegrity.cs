using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads Subresource Integrity strings (<c>sha512-BASE64</c>, several separated by spaces) as npm, yarn and pnpm
/// write them. The algorithm keeps the SRI name ("sha512", "sha1"); the digest becomes lowercase hex so it compares
/// with the hex digests SBOMs carry.
/// </summary>
internal static class NpmIntegrity
{
    private static readonly string[] Algorithms = ["sha1", "sha256", "sha384", "sha512"];

    public static IReadOnlyList<ComponentHash> Parse(string? integrity)
    {
        if (string.IsNullOrWhiteSpace(integrity))
        {
            return [];
        }

        var hashes = new List<ComponentHash>();
        foreach (var part in integrity.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0)
            {
                continue;
            }

            var algorithm = part[..dash].ToLowerInvariant();

            // SRI allows "?options" after the digest; nothing in lockfiles uses them, but they are not digest bytes.
            var digest = part[(dash + 1)..].Split('?')[0];
            var bytes = new byte[digest.Length];
            if (Array.IndexOf(Algorithms, algorithm) >= 0 && Convert.TryFromBase64String(digest, bytes, out var written) && written > 0)
            {
                hashes.Add(new ComponentHash(algorithm, Convert.ToHexStringLower(bytes.AsSpan(0, written))));
            }
        }

        return hashes;
    }

    /// <summary>The sha1 a yarn classic <c>resolved</c> URL carries in its fragment, for entries without integrity.</summary>
    public static IReadOnlyList<ComponentHash> FromResolvedFragment(string? resolved)
    {
        var hash = resolved?.LastIndexOf('#') ?? -1;
        if (hash < 0)
        {
            return [];
        }

        // Only a registry tarball's fragment is its sha1; a git URL's fragment is a commit.
        var fragment = resolved![(hash + 1)..];
        if (!resolved.StartsWith("http", StringComparison.OrdinalIgnoreCase) || !resolved[..hash].EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return fragment.Length == 40 && fragment.All(char.IsAsciiHexDigit)
            ? [new ComponentHash("sha1", fragment.ToLowerInvariant())]
            : [];
    }
}

using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Writers;

/// <summary>
/// Digests as CycloneDX and SPDX spell them: a known algorithm name and a hex value. Inputs write "sha512", "SHA-512",
/// or base64 values (npm integrity, NuGet contentHash); what cannot be made valid is left out rather than written wrong.
/// </summary>
internal static partial class SbomHashes
{
    private static readonly Dictionary<string, (string Name, int Bytes)> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["md5"] = ("MD5", 16),
        ["sha1"] = ("SHA-1", 20),
        ["sha256"] = ("SHA-256", 32),
        ["sha384"] = ("SHA-384", 48),
        ["sha512"] = ("SHA-512", 64),
    };

    public static ComponentHash? Normalize(ComponentHash hash)
    {
        if (!Algorithms.TryGetValue(hash.Algorithm.Replace("-", "", StringComparison.Ordinal), out var algorithm))
        {
            return null;
        }

        var value = hash.Value.Trim();
        if (Hex().IsMatch(value) && value.Length == algorithm.Bytes * 2)
        {
            return new ComponentHash(algorithm.Name, value.ToLowerInvariant());
        }

        var bytes = new byte[algorithm.Bytes];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == algorithm.Bytes
            ? new ComponentHash(algorithm.Name, Convert.ToHexStringLower(bytes))
            : null;
    }

    /// <summary>SPDX 2.3 spells the algorithm without the dash: SHA256.</summary>
    public static string SpdxName(ComponentHash hash) => hash.Algorithm.Replace("-", "", StringComparison.Ordinal);

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex Hex();
}

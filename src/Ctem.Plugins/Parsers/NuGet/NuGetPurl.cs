using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>NuGet purls and NuGet's base64 SHA-512 digests, shared by the NuGet parsers.</summary>
internal static class NuGetPurl
{
    public static PackageUrl? Create(string id, string? version) =>
        PackageUrl.Create("nuget", null, id, version, null, null).Value;

    /// <summary>The BomRef of a package: its purl, which is unique per id and version within one file.</summary>
    public static string BomRef(PackageUrl? purl, string id, string? version) =>
        purl?.ToString() ?? (version is null ? id : $"{id}@{version}");

    /// <summary>
    /// A base64 SHA-512 digest (<c>contentHash</c>, or <c>sha512-…</c> in deps.json) as lowercase hex, so it compares
    /// with the hex digests SBOMs carry; null when the text is not a 64-byte base64 digest.
    /// </summary>
    public static ComponentHash? Sha512(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var text = base64.StartsWith("sha512-", StringComparison.OrdinalIgnoreCase) ? base64[7..] : base64;
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var written) && written == 64
            ? new ComponentHash("sha512", Convert.ToHexStringLower(bytes.AsSpan(0, written)))
            : null;
    }
}

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>
/// An advisory with its JSON columns serialised once, and a digest of everything Ctem keeps of it, to tell a changed
/// record from a re-import. The digest hashes the same strings that are stored, so nothing is serialised twice.
/// </summary>
internal sealed class PreparedAdvisory
{
    private const string Missing = "\u0001";

    public PreparedAdvisory(Advisory advisory)
    {
        Advisory = advisory;
        AliasesJson = StorageJson.Serialize(advisory.Aliases);
        RelatedJson = StorageJson.Serialize(advisory.Related);
        SeverityJson = StorageJson.Serialize(advisory.Severity);
        ExploitReferencesJson = advisory.ExploitReferences.Count == 0 ? null : StorageJson.Serialize(advisory.ExploitReferences);
        CwesJson = advisory.Cwes.Count == 0 ? null : StorageJson.Serialize(advisory.Cwes);
        AffectedJson = advisory.Affected.Select(Storage.AffectedJson.Write).ToList();

        Digest = DigestOf([.. Parts()]);
    }

    public Advisory Advisory { get; }

    public string AliasesJson { get; }

    public string RelatedJson { get; }

    public string SeverityJson { get; }

    public IReadOnlyList<string> AffectedJson { get; }

    /// <summary>Null when there are none, so records without exploit references keep the digest they always had.</summary>
    public string? ExploitReferencesJson { get; }

    /// <summary>Null when there are none, for the same reason.</summary>
    public string? CwesJson { get; }

    public string Digest { get; }

    private IEnumerable<string?> Parts()
    {
        yield return Advisory.Id;
        yield return Time(Advisory.Modified);
        yield return Advisory.Published is { } published ? Time(published) : null;
        yield return Advisory.Withdrawn is { } withdrawn ? Time(withdrawn) : null;
        yield return Advisory.Summary;
        yield return Advisory.DatabaseSeverity;
        yield return AliasesJson;
        yield return RelatedJson;
        yield return SeverityJson;
        if (ExploitReferencesJson is not null)
        {
            yield return ExploitReferencesJson;
        }

        if (CwesJson is not null)
        {
            yield return CwesJson;
        }
        foreach (var affected in AffectedJson)
        {
            yield return affected;
        }
    }

    /// <summary>SHA-256 over each part's UTF-8 bytes (U+0001 for a missing one), each followed by a NUL byte.</summary>
    private static string DigestOf(IReadOnlyList<string?> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part ?? Missing) + 1;
        }

        // One pooled buffer and a one-shot hash: an import prepares every record it reads.
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var part in parts)
            {
                written += Encoding.UTF8.GetBytes(part ?? Missing, buffer.AsSpan(written));
                buffer[written++] = 0;
            }

            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, written)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Time(DateTimeOffset value) => Timestamps.Normalize(value).ToString("O", CultureInfo.InvariantCulture);
}

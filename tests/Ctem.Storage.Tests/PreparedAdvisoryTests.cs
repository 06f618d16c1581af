using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>
/// The content digest is stored with every advisory and compared on each re-import: computing it another way must give
/// the same bytes, or every stored record would look changed. The reference below is the rule as first written.
/// </summary>
public sealed class PreparedAdvisoryTests
{
    public static TheoryData<string, Advisory> Advisories => new()
    {
        { "dates, summary and severity", StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")]) },
        { "withdrawn, non-ASCII summary", StoreData.Advisory("GHSA-2", StoreData.T0, [StoreData.Npm("left-pad"), StoreData.Npm("right-pad")], StoreData.T0.AddDays(2), "Überlauf in “zlib” — 𝒳") },
        {
            "no published time, no summary, exploit references and CWEs",
            StoreData.Advisory("GO-2024-1", StoreData.T0, []) with
            {
                Published = null, Summary = null, DatabaseSeverity = null, ExploitReferences = ["https://example.com/poc"], Cwes = ["CWE-79"],
            }
        },
    };

    [Theory]
    [MemberData(nameof(Advisories))]
    public void Digest_AnyAdvisory_IsTheDigestOfItsStoredParts(string what, Advisory advisory)
    {
        var prepared = new PreparedAdvisory(advisory);

        Assert.True(ReferenceDigest(prepared) == prepared.Digest, what);
    }

    private static string ReferenceDigest(PreparedAdvisory p)
    {
        var a = p.Advisory;
        string?[] parts =
        [
            a.Id, Time(a.Modified), a.Published is { } published ? Time(published) : null, a.Withdrawn is { } withdrawn ? Time(withdrawn) : null,
            a.Summary, a.DatabaseSeverity, p.AliasesJson, p.RelatedJson, p.SeverityJson,
            .. p.ExploitReferencesJson is null ? [] : new[] { p.ExploitReferencesJson },
            .. p.CwesJson is null ? [] : new[] { p.CwesJson },
            .. p.AffectedJson,
        ];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part ?? "\u0001"));
            hash.AppendData("\0"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Time(DateTimeOffset value) => Timestamps.Normalize(value).ToString("O", CultureInfo.InvariantCulture);
}

using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>A digest of everything Ctem keeps of an advisory, to tell a changed record from a re-import.</summary>
internal static class AdvisoryDigest
{
    public static string Of(Advisory advisory) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StorageJson.Serialize(advisory))));
}

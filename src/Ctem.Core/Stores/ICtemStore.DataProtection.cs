namespace Ctem.Core.Stores;

/// <summary>The keys that protect the dashboard's cookies, shared by every server on the database.</summary>
public partial interface ICtemStore
{
    /// <summary>Every stored key's XML, oldest first.</summary>
    Task<IReadOnlyList<string>> GetDataProtectionKeysAsync(CancellationToken cancellationToken);

    /// <summary>Stores a key under its name, replacing one of that name (the key manager writes a revocation as a new element).</summary>
    Task SaveDataProtectionKeyAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken);
}

namespace Ctem.Core.Scoping;

/// <summary>What kind of third-party service an integration is (<c>integrations[].kind</c>).</summary>
public enum IntegrationKind
{
    Other = 0,
    Api,
    Saas,
    Database,
    Queue,
    Identity,
}

/// <summary>
/// A third-party service the products use (<c>integrations:</c>): an API, SaaS, database, queue or identity provider.
/// <paramref name="Data"/> names the data stores it holds or reaches; <paramref name="Secrets"/> the secret-scanner rules
/// (or providers) whose leaked secrets open it, beyond the provider its name and endpoint imply.
/// </summary>
public sealed record ScopeIntegration(string Name, IntegrationKind Kind, string? Endpoint, IReadOnlyList<string> Data, IReadOnlyList<string> Secrets);

/// <summary>A data store (<c>data:</c>) with its classification; a crown jewel is what attack paths lead to.</summary>
public sealed record ScopeDataStore(string Name, DataSensitivity Classification, bool CrownJewel);

using Dapper;

namespace Ctem.Storage;

internal abstract partial class DbCtemStore
{
    public async Task<IReadOnlyList<string>> GetDataProtectionKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT xml FROM data_protection_keys ORDER BY stored_at, name", cancellationToken: cancellationToken))).AsList();
    }

    public async Task SaveDataProtectionKeyAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO data_protection_keys (name, xml, stored_at) VALUES (@Name, @Xml, @At)
            ON CONFLICT (name) DO UPDATE SET xml = excluded.xml, stored_at = excluded.stored_at
            """,
            new { Name = name, Xml = xml, At = at },
            cancellationToken: cancellationToken));
    }
}

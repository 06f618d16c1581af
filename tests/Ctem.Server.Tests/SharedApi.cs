using Ctem.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>One seeded server per dialect for a whole test class, created on first use (seeding takes seconds).</summary>
public sealed class SharedApi : IAsyncLifetime
{
    private readonly Dictionary<Dialect, Task<ApiFixture>> _fixtures = [];
    private readonly Lock _gate = new();

    internal Task<ApiFixture> ForAsync(Dialect dialect)
    {
        if (dialect == Dialect.Postgres)
        {
            Prerequisite.Require(PostgresTestDatabase.UnavailableReason);
        }

        lock (_gate)
        {
            if (!_fixtures.TryGetValue(dialect, out var fixture))
            {
                fixture = ApiFixture.CreateAsync(dialect);
                _fixtures[dialect] = fixture;
            }

            return fixture;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var fixture in _fixtures.Values)
        {
            await (await fixture).DisposeAsync();
        }
    }
}

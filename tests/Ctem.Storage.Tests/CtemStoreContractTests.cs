using System.Data.Common;
using Ctem.Core.Stores;
using Ctem.Testing;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>
/// What every <see cref="ICtemStore"/> must do, whichever database is behind it. Each subclass supplies a fresh,
/// empty database per test. The tests themselves live in the partial files beside this one.
/// </summary>
public abstract partial class CtemStoreContractTests : IAsyncLifetime
{
    private readonly List<ICtemStore> _opened = [];
    private string? _spec;

    protected FakeTimeProvider Time { get; } = new(StoreData.T0);

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Why this database cannot be tested here, or null when it can.</summary>
    protected abstract string? UnavailableReason { get; }

    /// <summary>Creates an empty database and returns the spec that opens it.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        if (_spec is not null)
        {
            await DropDatabaseAsync();
        }
    }

    /// <summary>Opens (again) this test's database; skips the test visibly when the database is not available (fails it in CI).</summary>
    protected async Task<ICtemStore> OpenStoreAsync()
    {
        Prerequisite.Require(UnavailableReason);
        _spec ??= await CreateDatabaseAsync();
        var store = await CtemStoreFactory.OpenAsync(_spec, Time, Ct);
        _opened.Add(store);
        return store;
    }

    /// <summary>Reads the database directly, for state the store interface does not expose (history, bookkeeping).</summary>
    protected static async Task<IReadOnlyList<T>> QueryAsync<T>(ICtemStore store, string sql, object? parameters = null)
    {
        await using DbConnection connection = await ((DbCtemStore)store).OpenAsync(Ct);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    protected static async Task ImportAsync(ICtemStore store, params Core.Model.Advisory[] advisories)
    {
        await using var import = await store.BeginKnowledgeImportAsync(Ct);
        foreach (var advisory in advisories)
        {
            await import.UpsertAsync(advisory, Ct);
        }

        await import.CommitAsync(Ct);
    }
}

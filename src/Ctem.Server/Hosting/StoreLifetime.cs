using Ctem.Core.Stores;
using Ctem.Storage;

namespace Ctem.Server.Hosting;

/// <summary>
/// The one store of the server: opened (and migrated) when the server starts, so a database it cannot reach stops the
/// start with the store's own message; disposed with the service container, after the last request has finished.
/// </summary>
internal sealed class StoreLifetime(ServerSettings settings, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private ICtemStore? _store;

    public ICtemStore Store => _store ?? throw new InvalidOperationException("the store is opened when the server starts");

    public bool IsOpen => _store is not null;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _store = await CtemStoreFactory.OpenAsync(settings.Database, time, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}

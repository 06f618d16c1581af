using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ctem.Server.Hosting;

/// <summary>Ready when the store is open and answers a cheap query.</summary>
internal sealed class StoreHealthCheck(StoreLifetime store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!store.IsOpen)
        {
            return HealthCheckResult.Unhealthy("the database is not open yet");
        }

        try
        {
            await store.Store.ListProductsAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Storage.CtemStoreException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

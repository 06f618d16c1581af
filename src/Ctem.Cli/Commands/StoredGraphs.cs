using Ctem.Core.Graph;
using Ctem.Core.Stores;

namespace Ctem.Cli.Commands;

/// <summary>The product's latest stored graph, or a usage error saying why there is none.</summary>
public static class StoredGraphs
{
    public static async Task<StoredGraph?> LatestAsync(CliContext context, ICtemStore store, string product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        if (!await ProductArgument.ExistsAsync(context, store, product, cancellationToken))
        {
            return null;
        }

        var stored = await store.GetLatestGraphAsync(product, cancellationToken);
        if (stored is null)
        {
            await context.Host.Stderr.WriteLineAsync($"ctem: product '{product}' has no graph yet: it is built by 'ctem scan' and 'ctem ingest' (run one with the scope file)");
        }

        return stored;
    }
}

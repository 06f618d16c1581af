using Ctem.Core.Stores;

namespace Ctem.Cli.Commands;

/// <summary>The check every command taking <c>--product</c> of stored data makes: the product must have been scanned.</summary>
public static class ProductArgument
{
    /// <summary>True when the product exists; otherwise writes a usage error naming the known products.</summary>
    public static async Task<bool> ExistsAsync(CliContext context, ICtemStore store, string name, CancellationToken cancellationToken)
    {
        var products = await store.ListProductsAsync(cancellationToken);
        if (products.Any(p => p.Name == name))
        {
            return true;
        }

        var known = products.Count == 0 ? "none has been scanned yet" : "known: " + string.Join(", ", products.Select(p => p.Name).Take(10)) + (products.Count > 10 ? ", …" : "");
        await context.Host.Stderr.WriteLineAsync($"ctem: no product named '{name}' ({known})");
        return false;
    }
}

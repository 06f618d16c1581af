using System.Net;
using System.Net.Sockets;

namespace Ctem.Engine.Discovery.Active;

/// <summary>Turns host names into addresses; tests give their own, so that no test ever asks real DNS.</summary>
public interface IHostResolver
{
    /// <summary>The addresses of <paramref name="host"/>; empty when it has none.</summary>
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}

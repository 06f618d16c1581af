using System.Net;
using Ctem.Engine.Discovery.Active;

namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>Names the test decides, all in 127.0.0.0/8; any other name has no address. No test asks real DNS.</summary>
internal sealed class FakeResolver(Dictionary<string, string[]> names) : IHostResolver
{
    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IPAddress>>(names.TryGetValue(host, out var addresses) ? [.. addresses.Select(IPAddress.Parse)] : []);
}

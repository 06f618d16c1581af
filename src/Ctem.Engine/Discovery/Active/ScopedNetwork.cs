using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Ctem.Core.Extensibility;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Discovery.Active;

/// <summary>
/// The one door to the network for discovery and validation. Every connection, whoever asks for it, is checked here
/// against the scope file's <c>scope:</c> just before it is made (a name whose addresses are not all in scope is
/// refused whole: the resolver, not Ctem, would choose which one a client reaches), paced by the
/// <see cref="ConnectionPacer"/> and bounded by the per-connection timeout. Refusals are kept for the report.
/// </summary>
public sealed class ScopedNetwork(NetworkScope scope, IHostResolver resolver, ConnectionPacer pacer, TimeSpan timeout, TimeProvider time) : IProbeNetwork
{
    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<IPAddress>>> _resolved = new(StringComparer.Ordinal);
    private int _connections;

    public TimeSpan Timeout => timeout;

    public TimeProvider Time => time;

    public Task<Stream?> ConnectAsync(ProbedService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ConnectAddressAsync(service.Host, service.Address, service.Port, cancellationToken);
    }

    /// <summary>How many TCP connections were attempted: each one paced and in scope.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every refusal, once, sorted.</summary>
    public IReadOnlyList<string> Refused => [.. _refused.Keys.Order(StringComparer.Ordinal)];

    public async Task<string?> RefusalAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (_, refusal) = await PermittedAsync(host, port, cancellationToken);
        return refusal;
    }

    /// <summary>The addresses of <paramref name="host"/> that may be contacted on <paramref name="port"/>, or why none may.</summary>
    public async Task<(IReadOnlyList<IPAddress> Addresses, string? Refusal)> PermittedAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var text = host.Trim().Trim('[', ']');
        if (IPAddress.TryParse(text, out var address))
        {
            return scope.Refusal(null, address, port) is { } refused ? ([], $"{Where(text, port)}: {refused}") : ([address], null);
        }

        if (scope.NameRefusal(text, port) is { } named)
        {
            return ([], $"{Where(text, port)}: {named}");
        }

        var resolved = await ResolveAsync(text, cancellationToken);
        if (resolved.Count == 0)
        {
            return ([], $"{Where(text, port)}: the name has no address");
        }

        foreach (var candidate in resolved)
        {
            if (scope.Refusal(text, candidate, port) is { } refused)
            {
                return ([], $"{Where(text, port)}: resolves to {candidate}, {refused}");
            }
        }

        return (resolved, null);
    }

    /// <summary>
    /// The addresses of <paramref name="host"/>, asked once per run: the address checked against the scope is the one
    /// connected to, whatever the name's DNS says later.
    /// </summary>
    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        _resolved.GetOrAdd(TargetName(host), name => resolver.ResolveAsync(name, cancellationToken));

    public async Task<Stream?> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (addresses, refusal) = await PermittedAsync(host, port, cancellationToken);
        if (refusal is not null)
        {
            Refuse(refusal);
            return null;
        }

        return await ConnectAddressAsync(host, addresses[0], port, cancellationToken);
    }

    /// <summary>A connection to <paramref name="address"/>, reached by <paramref name="host"/>; checked again, so no caller can skip the scope.</summary>
    public async Task<Stream?> ConnectAddressAsync(string host, IPAddress address, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var name = IPAddress.TryParse(host.Trim('[', ']'), out _) ? null : host;
        if (scope.Refusal(name, address, port) is { } refused)
        {
            Refuse($"{Where(host, port)}: {refused}");
            return null;
        }

        await pacer.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _connections);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), bounded.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Closed, filtered or timed out: the port is simply not open.
            socket.Dispose();
            return null;
        }
    }

    private static string TargetName(string host) => NetworkTarget.NormalizeName(host);

    private void Refuse(string reason) => _refused.TryAdd(reason, 0);

    private static string Where(string host, int port) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}");
}

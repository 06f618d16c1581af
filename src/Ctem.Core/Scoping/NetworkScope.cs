using System.Net;

namespace Ctem.Core.Scoping;

/// <summary>
/// The top-level <c>scope: {allow, deny}</c> of the scope file: the only places active discovery and validation may
/// contact. Every connection is to an address; an address is contacted only when an <c>allow</c> entry covers it (an
/// address or range, or a host name it was resolved from) and no <c>deny</c> entry covers it or the name it was
/// reached by. No <c>allow</c> at all means nothing may be contacted.
/// </summary>
public sealed record NetworkScope(IReadOnlyList<NetworkTarget> Allow, IReadOnlyList<NetworkTarget> Deny)
{
    /// <summary>Nothing allowed: the scope of a file without <c>scope:</c>.</summary>
    public static NetworkScope None { get; } = new([], []);

    /// <summary>
    /// Why <paramref name="address"/> on <paramref name="port"/>, reached by the host name <paramref name="name"/> (null
    /// for an address given as such), may not be contacted; null when it may.
    /// </summary>
    public string? Refusal(string? name, IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Deny.FirstOrDefault(d => d.Covers(address, port) || (name is not null && d.CoversName(name, port))) is { } denied)
        {
            return $"denied by scope.deny '{denied.Text}'";
        }

        var allowed = Allow.Any(a => a.Covers(address, port) || (name is not null && a.CoversName(name, port)));
        return allowed ? null : "outside scope.allow";
    }

    /// <summary>Why the host name <paramref name="name"/> may not be used (as an SNI name, a Host header) on <paramref name="port"/>; null when it may.</summary>
    public string? NameRefusal(string name, int port)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Deny.FirstOrDefault(d => d.CoversName(name, port)) is { } denied ? $"denied by scope.deny '{denied.Text}'" : null;
    }
}

namespace Ctem.Engine.Discovery.Active;

/// <summary>
/// Spaces new connections evenly at most <c>rate</c> a second, across every probe and the port scan together: the
/// promise made to the owners of the targets is about the whole run, not one stage.
/// </summary>
public sealed class ConnectionPacer(int perSecond, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond));
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _next > now ? _next : now;
            _next = slot + _interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}

namespace Ctem.Engine.Knowledge.Updates;

/// <param name="Retries">Retries after the first attempt, for transient failures. Defaults to 3.</param>
/// <param name="RetryDelay">The first back-off delay, doubled at each retry (with jitter). Defaults to 2 seconds.</param>
/// <param name="MaxDownloadBytes">A download larger than this is refused. Defaults to 4 GiB.</param>
public sealed record UpdateOptions(IReadOnlyList<FeedSource> Sources, int Retries, TimeSpan RetryDelay, long MaxDownloadBytes)
{
    /// <summary>The NVD CVE API to fetch incrementally, or null.</summary>
    public NvdOptions? Nvd { get; init; }

    public static UpdateOptions For(IReadOnlyList<FeedSource> sources) => new(sources, 3, TimeSpan.FromSeconds(2), 4L << 30);
}

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>
/// How the NVD CVE API 2.0 is fetched. NVD's published rate limits: 5 requests in a rolling 30-second window without
/// an API key, 50 with one. The key comes from <c>NVD_API_KEY</c>; it is sent as the <c>apiKey</c> header and is
/// never printed or stored.
/// </summary>
public sealed record NvdOptions(string BaseUrl, string? ApiKey)
{
    /// <summary>The longest lastModStartDate–lastModEndDate range the API accepts.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(120);

    /// <summary>The most results the API returns per page.</summary>
    public const int PageSize = 2000;

    public int RequestsPerWindow => ApiKey is null ? 5 : 50;

    /// <summary>The rolling window of the rate limit; tests shorten it, as they shorten the retry back-off.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(30);
}

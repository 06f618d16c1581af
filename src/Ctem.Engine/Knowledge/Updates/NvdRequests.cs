using System.Globalization;

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>The requests an NVD CVE API 2.0 update makes: its date windows and page URLs.</summary>
public static class NvdRequests
{
    /// <summary>The date windows to ask for: none (everything) the first time, else up to 120 days each from the last end to now.</summary>
    public static IEnumerable<(DateTimeOffset? From, DateTimeOffset? To)> Windows(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is not { } start)
        {
            yield return (null, null);
            yield break;
        }

        do
        {
            var end = start + NvdOptions.MaxWindow < now ? start + NvdOptions.MaxWindow : now;
            yield return (start, end);
            start = end;
        }
        while (start < now);
    }

    public static Uri PageUrl(Uri baseUrl, int startIndex, DateTimeOffset? from, DateTimeOffset? to)
    {
        var query = FormattableString.Invariant($"resultsPerPage={NvdOptions.PageSize}&startIndex={startIndex}");
        if (from is { } f && to is { } t)
        {
            query += $"&lastModStartDate={Uri.EscapeDataString(Date(f))}&lastModEndDate={Uri.EscapeDataString(Date(t))}";
        }

        return new UriBuilder(baseUrl) { Query = query }.Uri;
    }

    // NVD wants ISO-8601 with milliseconds and an explicit offset.
    private static string Date(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);
}

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>
/// Which sources <c>ctem db update</c> fetches and from where: the command's options and a scheduled update's
/// <c>schedules.dbUpdate</c> entry both become one of these, so both fetch the same way.
/// </summary>
/// <param name="Sources">Source names (<see cref="AllSources"/>); empty for <see cref="DefaultSources"/>.</param>
/// <param name="Ecosystems">OSV ecosystems; empty for <see cref="FeedSources.DefaultEcosystems"/>.</param>
/// <param name="Urls">Mirror URLs by source name; a source not named is fetched from its official URL.</param>
public sealed record FeedSelection(IReadOnlyList<string> Sources, IReadOnlyList<string> Ecosystems, IReadOnlyDictionary<string, string> Urls)
{
    public static IReadOnlyList<string> AllSources { get; } = ["osv", "kev", "epss", "cve", "nvd"];

    /// <summary>CVE records and NVD are large downloads: fetched when named, not by default.</summary>
    public static IReadOnlyList<string> DefaultSources { get; } = ["osv", "kev", "epss"];

    private static readonly Dictionary<string, string> OfficialUrls = new(StringComparer.Ordinal)
    {
        ["osv"] = FeedSources.OsvBaseUrl,
        ["kev"] = FeedSources.KevUrl,
        ["epss"] = FeedSources.EpssUrl,
        ["cve"] = FeedSources.CveUrl,
        ["nvd"] = FeedSources.NvdUrl,
    };

    public IReadOnlyList<string> Chosen => Sources.Count > 0 ? Sources : DefaultSources;

    /// <summary>Where <paramref name="source"/> is fetched from: its mirror, else its official URL.</summary>
    public string UrlOf(string source) => Urls.TryGetValue(source, out var url) ? url : OfficialUrls[source];

    /// <summary>The downloads, in source order; NVD is paged separately (<see cref="Nvd"/>).</summary>
    public IReadOnlyList<FeedSource> Feeds()
    {
        var list = new List<FeedSource>();
        if (Chosen.Contains("osv"))
        {
            list.AddRange((Ecosystems.Count > 0 ? Ecosystems : FeedSources.DefaultEcosystems).Select(e => FeedSources.Osv(UrlOf("osv"), e)));
        }

        if (Chosen.Contains("kev"))
        {
            list.Add(FeedSources.Kev(UrlOf("kev")));
        }

        if (Chosen.Contains("epss"))
        {
            list.Add(FeedSources.Epss(UrlOf("epss")));
        }

        if (Chosen.Contains("cve"))
        {
            list.Add(FeedSources.Cve(UrlOf("cve")));
        }

        return list;
    }

    /// <summary>The NVD CVE API when chosen; the key is read from the environment (<c>NVD_API_KEY</c>) and handed to the request only: never printed, logged or stored.</summary>
    public NvdOptions? Nvd(Func<string, string?> environment, TimeSpan rateWindow) =>
        Chosen.Contains("nvd")
            ? new NvdOptions(UrlOf("nvd"), environment("NVD_API_KEY") is { Length: > 0 } key ? key : null) { RateWindow = rateWindow }
            : null;
}

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>One downloadable knowledge source: a name for people, its URL, and the file name the importer recognises.</summary>
public sealed record FeedSource(string Name, Uri Url, string FileName)
{
    /// <summary>Request headers (an API key): sent, never shown in any output.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>The official download locations, and how an ecosystem's osv.dev export is addressed.</summary>
public static class FeedSources
{
    public const string OsvBaseUrl = "https://osv-vulnerabilities.storage.googleapis.com";
    public const string KevUrl = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
    public const string EpssUrl = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";
    public const string NvdUrl = "https://services.nvd.nist.gov/rest/json/cves/2.0";
    public const string CveUrl = "https://github.com/CVEProject/cvelistV5/archive/refs/heads/main.zip";

    /// <summary>Language ecosystems fetched when none is named; OS distributions (large exports) are fetched on request.</summary>
    public static IReadOnlyList<string> DefaultEcosystems { get; } =
        ["npm", "PyPI", "Maven", "NuGet", "Go", "crates.io", "RubyGems", "Packagist", "Pub", "Hex", "Hackage", "CRAN", "Bitnami", "SwiftURL"];

    public static FeedSource Osv(string baseUrl, string ecosystem) => new(
        $"OSV {ecosystem}",
        new Uri($"{baseUrl.TrimEnd('/')}/{Uri.EscapeDataString(ecosystem)}/all.zip"),
        $"osv-{string.Concat(ecosystem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'))}.zip");

    public static FeedSource Kev(string url) => new("CISA KEV", new Uri(url), "known_exploited_vulnerabilities.json");

    public static FeedSource Epss(string url) => new("FIRST EPSS", new Uri(url), "epss_scores-current.csv.gz");

    /// <summary>CVE JSON 5 records as a zip in the cvelistV5 layout (the repository's archive, or a mirror of it).</summary>
    public static FeedSource Cve(string url) => new("CVE records", new Uri(url), "cvelistV5.zip");
}

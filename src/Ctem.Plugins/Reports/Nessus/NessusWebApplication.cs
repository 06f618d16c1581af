using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Nessus;

/// <summary>
/// Tenable Web App Scanning (Nessus WAS) reports a web application, not a host: its plugin output names the URL a
/// weakness was found on ("detected on URL 'http://…/search.jsp'"). That URL is the asset, as for ZAP and nuclei; a
/// result that names none is on the application's own URL.
/// </summary>
internal static partial class NessusWebApplication
{
    /// <summary>The first URL the plugin output names, as an asset; null when it names none.</summary>
    public static ReportedAsset? UrlIn(string? pluginOutput) =>
        pluginOutput is not null && QuotedUrl().Match(pluginOutput) is { Success: true } match ? ReportedAsset.Url(match.Groups[1].Value) : null;

    /// <summary>The URL the output names, else the application's own (<c>http://host[:port]/</c>), as the XML's ReportHost names it.</summary>
    public static ReportedAsset? UrlOf(string? pluginOutput, string protocol, string host, string? port) =>
        UrlIn(pluginOutput) ?? ReportedAsset.Url($"{protocol.ToLowerInvariant()}://{host}{(string.IsNullOrEmpty(port) || port == "0" ? "" : ":" + port)}/");

    /// <summary>Whether a CSV row is WAS's: its protocol is http(s) where Nessus writes tcp or udp.</summary>
    public static bool IsWebProtocol(string? protocol) =>
        string.Equals(protocol, "http", StringComparison.OrdinalIgnoreCase) || string.Equals(protocol, "https", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"URL '(https?://[^'\s]+)'", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedUrl();
}

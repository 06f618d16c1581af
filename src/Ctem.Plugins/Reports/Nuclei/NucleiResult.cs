using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Nuclei;

/// <summary>One nuclei result object as a finding.</summary>
internal static partial class NucleiResult
{
    /// <summary>The finding, or null when the object lacks a template id, the info block, or anything to locate it.</summary>
    public static ReportedFinding? Read(JsonElement item, string pointer)
    {
        var templateId = ReportJson.String(item, "template-id") ?? ReportJson.String(item, "templateID");
        if (templateId is null || ReportJson.Object(item, "info") is not { } info || AssetOf(item) is not { } asset)
        {
            return null;
        }

        // nuclei reports each matcher of one template as its own result.
        var ruleId = ReportJson.String(item, "matcher-name") is { Length: > 0 } matcher ? $"{templateId}:{matcher}" : templateId;
        var classification = ReportJson.Object(info, "classification");
        var ids = ReportJson.Strings(classification, "cve-id").Select(id => id.Trim().ToUpperInvariant()).Where(id => CveId().IsMatch(id)).ToList();
        if (ids.Count == 0 && CveId().IsMatch(templateId.ToUpperInvariant()))
        {
            ids.Add(templateId.ToUpperInvariant());
        }

        return new ReportedFinding(
            asset,
            [.. ids.Distinct(StringComparer.Ordinal)],
            ruleId,
            ReportJson.String(info, "name") ?? templateId,
            ReportSeverity.Normalize(ReportJson.String(info, "severity")),
            null)
        {
            Cwes = [.. ReportJson.Strings(classification, "cwe-id")
                .Select(c => CweId().Match(c.Trim()))
                .Where(m => m.Success)
                .Select(m => "CWE-" + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
                .Distinct(StringComparer.Ordinal)],
            CvssVector = classification is { } c && ReportJson.String(c, "cvss-metrics") is { Length: > 0 } vector ? vector : null,
            Description = ReportJson.String(info, "description"),
            ReportPointer = pointer,
        };
    }

    /// <summary>The URL it matched at; else host:port from matched-at or host; else the host (or IP) alone.</summary>
    private static ReportedAsset? AssetOf(JsonElement item)
    {
        var matchedAt = ReportJson.String(item, "matched-at") ?? ReportJson.String(item, "matched");
        var host = ReportJson.String(item, "host");
        foreach (var candidate in new[] { matchedAt, host })
        {
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            if (IsHttp(candidate) && ReportedAsset.Url(candidate.Trim()) is { } url)
            {
                return url;
            }

            if (HostAndPort().Match(candidate.Trim()) is { Success: true } endpoint
                && int.TryParse(endpoint.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
            {
                return ReportedAsset.Endpoint(endpoint.Groups["host"].Value.Trim('[', ']'), port);
            }
        }

        var bare = ReportJson.String(item, "ip") is { Length: > 0 } ip ? ip : HostName(host) ?? HostName(matchedAt);
        return bare is null ? null : ReportedAsset.Host(bare);
    }

    private static bool IsHttp(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? HostName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : trimmed;
    }

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex(@"^cwe-0*(\d{1,6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CweId();

    [GeneratedRegex(@"^(?<host>\[[0-9A-Fa-f:.]+\]|[^:/\s\[\]]+):(?<port>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPort();
}

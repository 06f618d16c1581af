using System.Text;
using System.Text.RegularExpressions;

namespace Ctem.Engine.Validation.Checks;

/// <summary>What a target answered one request, as the matchers see it: parts by name, and the raw bytes.</summary>
public sealed record CheckResponse(int? Status, IReadOnlyDictionary<string, string> Parts, byte[] Raw)
{
    /// <summary>An HTTP answer: <c>header</c> is the status line and header lines, <c>all</c> both.</summary>
    public static CheckResponse Http(int status, string header, string body, byte[] raw) =>
        new(status, new Dictionary<string, string>(StringComparer.Ordinal) { ["header"] = header, ["body"] = body, ["all"] = header + "\r\n" + body }, raw);

    /// <summary>A network reply; read as Latin-1 so every byte is one character.</summary>
    public static CheckResponse Network(byte[] reply)
    {
        var text = Encoding.Latin1.GetString(reply);
        return new(null, new Dictionary<string, string>(StringComparer.Ordinal) { ["data"] = text, ["all"] = text, ["body"] = text }, reply);
    }

    public string Part(string name) => Parts.TryGetValue(name, out var text) ? text : "";
}

/// <summary>Nuclei's matcher and extractor semantics over a <see cref="CheckResponse"/>.</summary>
public static class CheckMatching
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Whether the request's matchers match (all of them under <c>matchers-condition: and</c>, else one), and which did.</summary>
    public static (bool Matched, IReadOnlyList<string> Why) Match(CheckRequest request, CheckResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var why = new List<string>();
        var results = new List<bool>();
        foreach (var matcher in request.Matchers)
        {
            var (hit, what) = Matches(matcher, response);
            var result = hit != matcher.Negative;
            results.Add(result);
            if (result)
            {
                why.Add(matcher.Negative ? $"not {what}" : what);
            }
        }

        var matched = results.Count > 0 && (request.AllMatchers ? results.All(r => r) : results.Any(r => r));
        return (matched, why);
    }

    /// <summary>What the extractors quote from the response, as <c>name: value</c> (the extractor's type when it has no name).</summary>
    public static IReadOnlyList<string> Extract(CheckRequest request, CheckResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var found = new List<string>();
        foreach (var extractor in request.Extractors)
        {
            var label = extractor.Name ?? extractor.Kind;
            if (extractor.Kind == "kval")
            {
                foreach (var key in extractor.Values)
                {
                    // nuclei's kval keys use '_' for '-' in header names.
                    var header = Regex.Match(response.Part("header"), $@"^{Regex.Escape(key.Replace('_', '-'))}:\s*(.*?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase, RegexTimeout);
                    if (header.Success)
                    {
                        found.Add($"{label}: {header.Groups[1].Value}");
                    }
                }

                continue;
            }

            foreach (var pattern in extractor.Values)
            {
                foreach (Match match in Regex.Matches(response.Part(extractor.Part), pattern, RegexOptions.Multiline, RegexTimeout).Take(5))
                {
                    if (match.Groups.Count > extractor.Group)
                    {
                        found.Add($"{label}: {match.Groups[extractor.Group].Value.Trim()}");
                    }
                }
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    private static (bool Hit, string What) Matches(CheckMatcher matcher, CheckResponse response)
    {
        var text = response.Part(matcher.Part);
        var comparison = matcher.CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        switch (matcher.Kind)
        {
            case MatcherKind.Status:
                return (response.Status is { } status && matcher.Status.Contains(status), $"status {string.Join(" or ", matcher.Status)}");
            case MatcherKind.Word:
                return (Combine(matcher, matcher.Values.Select(w => text.Contains(w, comparison))), $"{matcher.Part} contains {Quote(matcher)}");
            case MatcherKind.Regex:
                var options = RegexOptions.Multiline | (matcher.CaseInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None);
                return (Combine(matcher, matcher.Values.Select(r => Regex.IsMatch(text, r, options, RegexTimeout))), $"{matcher.Part} matches {Quote(matcher)}");
            case MatcherKind.Binary:
                return (Combine(matcher, matcher.Values.Select(h => response.Raw.AsSpan().IndexOf(Convert.FromHexString(h)) >= 0)), $"{matcher.Part} holds bytes {string.Join(matcher.All ? " and " : " or ", matcher.Values)}");
            default:
                return (false, "");
        }
    }

    private static bool Combine(CheckMatcher matcher, IEnumerable<bool> hits) => matcher.All ? hits.All(h => h) : hits.Any(h => h);

    private static string Quote(CheckMatcher matcher) => string.Join(matcher.All ? " and " : " or ", matcher.Values.Select(v => $"\"{v}\""));
}

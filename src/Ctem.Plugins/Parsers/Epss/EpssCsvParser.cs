using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Epss;

/// <summary>
/// Reads FIRST's daily EPSS scores CSV (<c>epss_scores-YYYY-MM-DD.csv[.gz]</c>): an optional
/// <c>#model_version:…,score_date:…</c> line, the header <c>cve,epss,percentile</c>, then one row per CVE.
/// The rows are plain numbers without quoting, so they are split directly: 300,000+ rows a day.
/// </summary>
public sealed partial class EpssCsvParser : IFeedParser
{
    public string Name => "first-epss/csv";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart("\uFEFF"u8);
        return text.StartsWith("#model_version:"u8) || text.StartsWith("cve,epss,percentile"u8);
    }

    public FeedResult Parse(string path, ReadOnlySpan<byte> content)
    {
        var diagnostics = new List<Diagnostic>();
        var scores = new List<EpssScore>();
        string? model = null;
        DateTimeOffset? date = null;
        var sawHeader = false;
        var lineNumber = 0;
        using var reader = new StringReader(Encoding.UTF8.GetString(content));
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            line = line.TrimStart('\uFEFF').TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                (model, date) = ReadComment(line, model, date);
                continue;
            }

            if (!sawHeader)
            {
                if (!line.StartsWith("cve,epss,percentile", StringComparison.OrdinalIgnoreCase))
                {
                    return FeedResult.Failed(Diagnostic.Error(DiagnosticCodes.NotAFeed, path, "not an EPSS CSV: the header 'cve,epss,percentile' is missing", $"{lineNumber}"));
                }

                sawHeader = true;
                continue;
            }

            if (TryRow(line, out var score))
            {
                scores.Add(score);
            }
            else if (diagnostics.Count < 100)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotAFeed, path, $"not a 'CVE-id,score,percentile' row with scores in 0..1: '{line}'; skipped", $"{lineNumber}"));
            }
        }

        if (!sawHeader)
        {
            return FeedResult.Failed(Diagnostic.Error(DiagnosticCodes.NotAFeed, path, "not an EPSS CSV: no header line"));
        }

        return new FeedResult(new EpssSnapshot(model, date, scores), diagnostics);
    }

    private static (string? Model, DateTimeOffset? Date) ReadComment(string line, string? model, DateTimeOffset? date)
    {
        foreach (var part in line.TrimStart('#').Split(','))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = part[..colon].Trim();
            var value = part[(colon + 1)..].Trim();
            if (key == "model_version")
            {
                model = value;
            }
            else if (key == "score_date")
            {
                // FIRST writes offsets without a colon ("+0000"), which .NET's parser does not read.
                var normalized = Offset().Replace(value, "$1$2:$3");
                if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    date = parsed;
                }
            }
        }

        return (model, date);
    }

    private static bool TryRow(string line, out EpssScore score)
    {
        score = null!;
        var parts = line.Split(',');
        if (parts.Length < 3 || !parts[0].StartsWith("CVE-", StringComparison.Ordinal)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var epss)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile)
            || epss is < 0 or > 1 || percentile is < 0 or > 1)
        {
            return false;
        }

        score = new EpssScore(parts[0], epss, percentile);
        return true;
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2})(\d{2})$")]
    private static partial Regex Offset();
}

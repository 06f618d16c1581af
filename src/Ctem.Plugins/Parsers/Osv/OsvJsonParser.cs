using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.Osv;

/// <summary>Reads one OSV JSON record (osv.dev exports, GHSA, Go vulndb, RustSec, PyPA converted to JSON).</summary>
public sealed partial class OsvJsonParser : IAdvisoryParser
{
    public string Name => "osv/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public AdvisoryResult Parse(string path, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var trimmed = content.TrimStart(" \t\r\n"u8);
        if (trimmed.Length == 0 || trimmed[0] != (byte)'{')
        {
            return Reject(path, "not an OSV record: expected a JSON object");
        }

        OsvRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(content, OsvJsonContext.Default.OsvRecord);
        }
        catch (JsonException ex)
        {
            return Reject(path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex));
        }

        if (record is null)
        {
            return Reject(path, "not an OSV record: the document is null");
        }

        if (string.IsNullOrWhiteSpace(record.Id))
        {
            return Reject(path, "not an OSV record: 'id' is missing");
        }

        if (!TryParseTime(record.Modified, out var modified))
        {
            return Reject(path, $"{record.Id}: 'modified' is missing or not an RFC 3339 time ('{record.Modified}')");
        }

        if (!TryParseOptionalTime(record.Published, out var published) || !TryParseOptionalTime(record.Withdrawn, out var withdrawn))
        {
            return Reject(path, $"{record.Id}: 'published' or 'withdrawn' is not an RFC 3339 time");
        }

        if (NullItem(record) is { } nullItem)
        {
            return Reject(path, $"{record.Id}: an array holds null where OSV requires a value", nullItem);
        }

        var affected = new List<AffectedPackage>();
        for (var i = 0; i < (record.Affected?.Count ?? 0); i++)
        {
            var entry = record.Affected![i];
            if (entry.Package?.Ecosystem is not { Length: > 0 } ecosystem || entry.Package.Name is not { Length: > 0 } name)
            {
                // Entries without a package (e.g. GIT-only ranges on a repository) cannot meet a component by name.
                continue;
            }

            var ranges = new List<AffectedRange>();
            for (var r = 0; r < (entry.Ranges?.Count ?? 0); r++)
            {
                var range = entry.Ranges![r];
                var type = ParseRangeType(range.Type);
                if (type == RangeType.Unspecified)
                {
                    // Skipping it would silently answer "not affected" for every version it covers.
                    return Reject(path, $"{record.Id}: unknown range type '{range.Type}' (OSV defines SEMVER, ECOSYSTEM, GIT)", $"affected[{i}].ranges[{r}].type");
                }

                var events = new List<RangeEvent>();
                for (var e = 0; e < (range.Events?.Count ?? 0); e++)
                {
                    var parsed = ParseEvent(range.Events![e]);
                    if (parsed is null)
                    {
                        return Reject(path, $"{record.Id}: a range event must have exactly one of introduced, fixed, last_affected, limit", $"affected[{i}].ranges[{r}].events[{e}]");
                    }

                    events.Add(parsed);
                }

                ranges.Add(new AffectedRange(type, range.Repo, events));
            }

            affected.Add(new AffectedPackage(ecosystem, name, entry.Package.Purl, ranges, entry.Versions ?? []));
        }

        return AdvisoryResult.Ok(new Advisory(
            record.Id,
            modified,
            published,
            withdrawn,
            record.Summary ?? FirstLine(record.Details),
            record.Aliases ?? [],
            record.Related ?? [],
            record.Severity?.Where(s => s.Type is not null && s.Score is not null).Select(s => new SeverityScore(s.Type!, s.Score!)).ToList() ?? [],
            DatabaseSeverity(record.DatabaseSpecific),
            affected)
        {
            ExploitReferences = OsvExploitReferences.Of(record.References),
            Cwes = DatabaseCwes(record.DatabaseSpecific),
        });
    }

    // JSON null inside OSV arrays deserialises to null elements; the schema allows none of them.
    private static string? NullItem(OsvRecord record)
    {
        if (record.Aliases?.IndexOf(null!) is >= 0 and var alias)
        {
            return $"aliases[{alias}]";
        }

        if (record.Related?.IndexOf(null!) is >= 0 and var related)
        {
            return $"related[{related}]";
        }

        if (record.Severity?.IndexOf(null!) is >= 0 and var severity)
        {
            return $"severity[{severity}]";
        }

        for (var i = 0; i < (record.Affected?.Count ?? 0); i++)
        {
            var entry = record.Affected![i];
            if (entry is null)
            {
                return $"affected[{i}]";
            }

            if (entry.Versions?.IndexOf(null!) is >= 0 and var version)
            {
                return $"affected[{i}].versions[{version}]";
            }

            for (var r = 0; r < (entry.Ranges?.Count ?? 0); r++)
            {
                if (entry.Ranges![r] is not { } range)
                {
                    return $"affected[{i}].ranges[{r}]";
                }

                if (range.Events?.IndexOf(null!) is >= 0 and var e)
                {
                    return $"affected[{i}].ranges[{r}].events[{e}]";
                }
            }
        }

        return null;
    }

    private static AdvisoryResult Reject(string path, string message, string? location = null) =>
        AdvisoryResult.Rejected(Diagnostic.Error(DiagnosticCodes.NotOsv, path, message, location));

    private static RangeType ParseRangeType(string? type) => type switch
    {
        "SEMVER" => RangeType.Semver,
        "ECOSYSTEM" => RangeType.Ecosystem,
        "GIT" => RangeType.Git,
        _ => RangeType.Unspecified,
    };

    // The schema allows exactly one key per event; an event with two is ambiguous, not "the first one".
    private static RangeEvent? ParseEvent(OsvEvent e) =>
        new[] { e.Introduced, e.Fixed, e.LastAffected, e.Limit }.Count(v => v is not null) != 1 ? null
        : e.Introduced is not null ? new RangeEvent(RangeEventKind.Introduced, e.Introduced)
        : e.Fixed is not null ? new RangeEvent(RangeEventKind.Fixed, e.Fixed)
        : e.LastAffected is not null ? new RangeEvent(RangeEventKind.LastAffected, e.LastAffected)
        : e.Limit is not null ? new RangeEvent(RangeEventKind.Limit, e.Limit)
        : null;

    private static string? DatabaseSeverity(JsonElement databaseSpecific) =>
        databaseSpecific.ValueKind == JsonValueKind.Object
        && databaseSpecific.TryGetProperty("severity", out var severity)
        && severity.ValueKind == JsonValueKind.String
            ? severity.GetString()
            : null;

    private static string[] DatabaseCwes(JsonElement databaseSpecific) =>
        databaseSpecific.ValueKind == JsonValueKind.Object && databaseSpecific.TryGetProperty("cwe_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray()
                .Where(id => id.ValueKind == JsonValueKind.String && id.GetString()!.StartsWith("CWE-", StringComparison.Ordinal))
                .Select(id => id.GetString()!)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)]
            : [];

    private static string? FirstLine(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return null;
        }

        var line = details.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        return (newline < 0 ? line : line[..newline]).ToString();
    }

    private static bool TryParseOptionalTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (!TryParseTime(text, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    // RFC 3339 allows any number of fraction digits; .NET reads at most seven, so the rest (below 100 ns) is cut.
    private static bool TryParseTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text is null ? null : LongFraction().Replace(text, "$1"),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    [System.Text.RegularExpressions.GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial System.Text.RegularExpressions.Regex LongFraction();
}

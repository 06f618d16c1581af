using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Ctem.Cli.Tests;

/// <summary>
/// What GitHub code scanning requires of an uploaded SARIF file, as its documentation states it ("SARIF support for
/// code scanning": required properties, no empty strings; "SARIF results exceed limits"): every violation, one line
/// each. The numbers are GitHub's, written here independently of the writer's own constants.
/// </summary>
internal static class GitHubSarif
{
    public static IReadOnlyList<string> Problems(string sarif)
    {
        var problems = new List<string>();
        if (Gzipped(sarif) > 10 * 1024 * 1024)
        {
            problems.Add("gzip-compressed file over 10 MB");
        }

        using var document = JsonDocument.Parse(sarif);
        var log = document.RootElement;
        Required(problems, log, "$schema", "$schema");
        if (Text(log, "version") != "2.1.0")
        {
            problems.Add("version is not 2.1.0");
        }

        if (!log.TryGetProperty("runs", out var runs) || runs.GetArrayLength() is 0 or > 20)
        {
            problems.Add("runs: one to 20 required");
            return problems;
        }

        foreach (var (run, r) in runs.EnumerateArray().Select((run, r) => (run, r)))
        {
            CheckRun(problems, run, $"runs[{r}]");
        }

        return problems;
    }

    /// <summary>Each result's file (resolved through <c>originalUriBaseIds</c>), line and package.</summary>
    public static IReadOnlyList<(string File, int Line, string Package)> Places(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var run = document.RootElement.GetProperty("runs")[0];
        var bases = run.TryGetProperty("originalUriBaseIds", out var ids)
            ? ids.EnumerateObject().ToDictionary(p => p.Name, p => new Uri(p.Value.GetProperty("uri").GetString()!))
            : [];
        return [.. run.GetProperty("results").EnumerateArray().Select(result =>
        {
            var location = result.GetProperty("locations")[0];
            var physical = location.GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            var uri = artifact.GetProperty("uri").GetString()!;
            var file = artifact.TryGetProperty("uriBaseId", out var baseId) ? new Uri(bases[baseId.GetString()!], uri).LocalPath : Uri.UnescapeDataString(uri);
            return (file, physical.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()!);
        })];
    }

    private static void CheckRun(List<string> problems, JsonElement run, string at)
    {
        var driver = run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var d) ? d : default;
        if (driver.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: tool.driver missing");
            return;
        }

        Required(problems, driver, "name", $"{at}.tool.driver.name");
        var rules = driver.TryGetProperty("rules", out var list) ? list.EnumerateArray().ToList() : [];
        if (list.ValueKind != JsonValueKind.Array || rules.Count > 25_000)
        {
            problems.Add($"{at}: tool.driver.rules missing or over 25,000");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            CheckRule(problems, rules[i], $"{at}.rules[{i}]");
        }

        var baseIds = run.TryGetProperty("originalUriBaseIds", out var ids) ? ids.EnumerateObject().ToList() : [];
        foreach (var baseId in baseIds)
        {
            var uri = Text(baseId.Value, "uri");
            if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != "file" || !uri.EndsWith('/'))
            {
                problems.Add($"{at}.originalUriBaseIds.{baseId.Name}: not an absolute file: URI ending in '/'");
            }
        }

        var results = run.TryGetProperty("results", out var found) ? found.EnumerateArray().ToList() : [];
        if (found.ValueKind != JsonValueKind.Array || results.Count > 25_000)
        {
            problems.Add($"{at}: results missing or over 25,000");
        }

        var ruleIds = rules.Select(rule => Text(rule, "id")).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            CheckResult(problems, results[i], ruleIds, baseIds.Select(b => b.Name).ToHashSet(), $"{at}.results[{i}]");
        }
    }

    private static void CheckRule(List<string> problems, JsonElement rule, string at)
    {
        Required(problems, rule, "id", $"{at}.id");
        foreach (var description in new[] { "shortDescription", "fullDescription" })
        {
            var text = Required(problems, rule, description, $"{at}.{description}.text", "text");
            if (text?.Length > 1024)
            {
                problems.Add($"{at}.{description}.text: over 1,024 characters");
            }
        }

        Required(problems, rule, "help", $"{at}.help.text", "text");
        if (Text(rule, "name")?.Length > 255)
        {
            problems.Add($"{at}.name: over 255 characters");
        }

        if (rule.TryGetProperty("properties", out var properties))
        {
            if (properties.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 10)
            {
                problems.Add($"{at}.properties.tags: over 10 (GitHub keeps 10)");
            }

            if (properties.TryGetProperty("security-severity", out var severity)
                && (severity.ValueKind != JsonValueKind.String || !double.TryParse(severity.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || score is <= 0 or > 10))
            {
                problems.Add($"{at}.properties.security-severity: not a score from 0.1 to 10.0 written as a string");
            }
        }
    }

    private static void CheckResult(List<string> problems, JsonElement result, List<string?> ruleIds, HashSet<string> baseIds, string at)
    {
        Required(problems, result, "message", $"{at}.message.text", "text");
        var ruleId = Text(result, "ruleId");
        if (ruleId is null || !ruleIds.Contains(ruleId))
        {
            problems.Add($"{at}.ruleId: not a rule of the run");
        }

        if (result.TryGetProperty("ruleIndex", out var index) && (index.GetInt32() >= ruleIds.Count || ruleIds[index.GetInt32()] != ruleId))
        {
            problems.Add($"{at}.ruleIndex: not the index of its rule");
        }

        if (Text(result, "level") is { } level && level is not ("note" or "warning" or "error"))
        {
            problems.Add($"{at}.level: '{level}'");
        }

        var locations = result.TryGetProperty("locations", out var list) ? list.EnumerateArray().ToList() : [];
        if (locations.Count is 0 or > 10)
        {
            problems.Add($"{at}.locations: one to 10 required");
        }
        else
        {
            CheckPhysicalLocation(problems, locations[0], baseIds, $"{at}.locations[0].physicalLocation");
        }

        if (!result.TryGetProperty("partialFingerprints", out var fingerprints) || string.IsNullOrWhiteSpace(Text(fingerprints, "primaryLocationLineHash")))
        {
            problems.Add($"{at}.partialFingerprints.primaryLocationLineHash: missing (the only fingerprint code scanning uses)");
        }
    }

    private static void CheckPhysicalLocation(List<string> problems, JsonElement location, HashSet<string> baseIds, string at)
    {
        if (!location.TryGetProperty("physicalLocation", out var physical))
        {
            problems.Add($"{at}: missing");
            return;
        }

        var uri = Required(problems, physical, "artifactLocation", $"{at}.artifactLocation.uri", "uri");
        if (uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme != "file")
        {
            problems.Add($"{at}.artifactLocation.uri: '{uri}' is neither relative nor a file: URI");
        }

        if (physical.GetProperty("artifactLocation").TryGetProperty("uriBaseId", out var baseId) && !baseIds.Contains(baseId.GetString()!))
        {
            problems.Add($"{at}.artifactLocation.uriBaseId: '{baseId}' is not in originalUriBaseIds");
        }

        if (!physical.TryGetProperty("region", out var region))
        {
            problems.Add($"{at}.region: missing");
            return;
        }

        var numbers = new[] { "startLine", "startColumn", "endLine", "endColumn" }
            .ToDictionary(n => n, n => region.TryGetProperty(n, out var value) && value.TryGetInt32(out var number) ? number : 0);
        if (numbers.Values.Any(n => n < 1) || numbers["endLine"] < numbers["startLine"])
        {
            problems.Add($"{at}.region: startLine, startColumn, endLine and endColumn required, from 1, not ending before the start");
        }
    }

    private static string? Required(List<string> problems, JsonElement parent, string name, string at, string? inner = null)
    {
        var value = parent.TryGetProperty(name, out var found) ? found : default;
        if (inner is not null)
        {
            value = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(inner, out var nested) ? nested : default;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{at}: required, not empty");
        }

        return text;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Gzipped(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.Length;
    }
}

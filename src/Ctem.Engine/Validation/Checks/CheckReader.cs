using System.Globalization;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Validation.Checks;

/// <summary>
/// Checks one check file's YAML tree against the documented subset of nuclei's template format and builds the
/// <see cref="ValidationCheck"/>. Anything outside the subset is refused with its line, so nothing unknown runs.
/// </summary>
internal sealed partial class CheckReader(string path)
{
    private static readonly string[] RootKeys = ["id", "info", "http", "tcp", "network", "ssl"];
    private static readonly string[] InfoKeys = ["name", "author", "severity", "description", "reference", "remediation", "impact", "classification", "tags", "metadata"];
    private static readonly string[] HttpKeys = ["method", "path", "headers", "body", "redirects", "host-redirects", "max-redirects", "matchers", "matchers-condition", "extractors", "stop-at-first-match"];
    private static readonly string[] NetworkKeys = ["host", "inputs", "read-size", "matchers", "matchers-condition", "extractors"];
    private static readonly string[] SslKeys = ["address", "matchers", "matchers-condition", "extractors"];
    private static readonly string[] MatcherKeys = ["type", "part", "words", "regex", "binary", "status", "condition", "negative", "case-insensitive", "name"];
    private static readonly string[] ExtractorKeys = ["type", "name", "part", "regex", "kval", "group", "internal"];
    private static readonly string[] SafeMethods = ["GET", "HEAD", "OPTIONS"];
    private static readonly string[] UnsafeTags = ["intrusive", "dos", "fuzz", "fuzzing", "bruteforce", "brute-force", "rce"];
    private static readonly string[] Severities = ["info", "low", "medium", "high", "critical", "unknown"];
    private static readonly string[] Variables = ["BaseURL", "RootURL", "Hostname", "Host", "Port"];

    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public ValidationCheck? Read(YamlNode root)
    {
        if (Mapping(root, "the check", RootKeys) is not { } fields)
        {
            return null;
        }

        var id = Scalar(fields, "id", required: true);
        if (id is not null && !CheckId().IsMatch(id))
        {
            Error(fields["id"], $"id '{id}' is not a check id: letters, digits, '.', '_' and '-' only");
        }

        var protocols = new[] { "http", "tcp", "network", "ssl" }.Where(fields.ContainsKey).ToList();
        if (protocols.Count != 1)
        {
            Error(root, protocols.Count == 0 ? "the check makes no request: expected one of http, tcp (network) or ssl" : $"one protocol a check: found {string.Join(" and ", protocols)}");
            return null;
        }

        var info = fields.TryGetValue("info", out var infoNode) ? Mapping(infoNode, "info", InfoKeys) : null;
        if (info is null || infoNode is null)
        {
            if (!fields.ContainsKey("info"))
            {
                Error(root, "info is missing (name, severity, and the ids the check validates)");
            }

            return null;
        }

        var name = Scalar(info, "name", required: true);
        var severity = (Scalar(info, "severity") ?? "info").ToLowerInvariant();
        if (!Severities.Contains(severity, StringComparer.Ordinal))
        {
            Error(info["severity"], $"info.severity: expected one of {string.Join(", ", Severities)}, found '{severity}'");
        }

        var tags = info.TryGetValue("tags", out var tagNode) ? Strings(tagNode, "info.tags").SelectMany(t => t.Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList() : [];
        var metadata = info.TryGetValue("metadata", out var metaNode) ? Mapping(metaNode, "info.metadata", null) : null;
        var safe = tags.Contains("safe", StringComparer.OrdinalIgnoreCase) || (metadata is not null && Scalar(metadata, "ctem-safe") is "true");
        if (tags.FirstOrDefault(t => UnsafeTags.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } unsafeTag)
        {
            Error(tagNode!, $"info.tags: a check tagged '{unsafeTag}' is not safe to run against a deployment; Ctem only runs checks that read");
        }
        else if (!safe)
        {
            Error(infoNode, "the check does not declare itself safe: add info.metadata.ctem-safe: true (or the tag safe) once every request only reads");
        }

        var validates = new List<string>();
        if (info.TryGetValue("classification", out var classNode) && Mapping(classNode, "info.classification", null) is { } classification && classification.TryGetValue("cve-id", out var cves))
        {
            validates.AddRange(Strings(cves, "info.classification.cve-id").Select(c => c.Trim().ToUpperInvariant()));
        }

        var ports = new List<int>();
        if (metadata is not null)
        {
            if (metadata.TryGetValue("ctem-validates", out var ids))
            {
                validates.AddRange(Strings(ids, "info.metadata.ctem-validates").Select(i => i.Trim()));
            }

            if (metadata.TryGetValue("ctem-ports", out var portNode))
            {
                ports.AddRange(Strings(portNode, "info.metadata.ctem-ports").Select(p => PortOf(portNode, p, "info.metadata.ctem-ports")).OfType<int>());
            }
        }

        if (validates.Count == 0)
        {
            Error(infoNode, "the check names no vulnerability it validates: add info.classification.cve-id or info.metadata.ctem-validates (the rule ids of the findings it proves)");
        }

        var key = protocols[0];
        var protocol = key switch { "http" => CheckProtocol.Http, "ssl" => CheckProtocol.Ssl, _ => CheckProtocol.Network };
        var requests = new List<CheckRequest>();
        var items = Sequence(fields[key], key);
        for (var i = 0; i < items.Count; i++)
        {
            var context = $"{key}[{i}]";
            if (protocol switch { CheckProtocol.Http => Http(items[i], context), CheckProtocol.Ssl => Ssl(items[i], context), _ => Network(items[i], context) } is { } request)
            {
                requests.Add(request);
            }
        }

        if (ports.Count == 0)
        {
            ports.AddRange(requests.Select(r => r.Port).OfType<int>());
        }

        if (id is null || name is null || requests.Count == 0)
        {
            return null;
        }

        return new ValidationCheck(id, name, severity, [.. validates.Distinct(StringComparer.OrdinalIgnoreCase)], protocol, requests)
        {
            File = path,
            Tags = tags,
            Ports = ports.Count > 0 ? [.. ports.Distinct()] : protocol == CheckProtocol.Http ? [80, 443] : [443],
        };
    }

    private CheckRequest? Http(YamlNode node, string context)
    {
        if (Mapping(node, context, HttpKeys) is not { } fields)
        {
            return null;
        }

        var method = (Scalar(fields, "method") ?? "GET").ToUpperInvariant();
        if (!SafeMethods.Contains(method, StringComparer.Ordinal))
        {
            Error(fields["method"], $"{context}.method: {method} is not allowed: validation only reads (GET, HEAD or OPTIONS)");
        }

        var paths = fields.TryGetValue("path", out var pathNode) ? Strings(pathNode, context + ".path") : [];
        if (paths.Count == 0)
        {
            Error(node, $"{context}.path: expected at least one path starting with {{{{BaseURL}}}} or {{{{RootURL}}}}");
        }

        foreach (var p in paths.Where(p => !p.StartsWith("{{BaseURL}}", StringComparison.Ordinal) && !p.StartsWith("{{RootURL}}", StringComparison.Ordinal)))
        {
            Error(pathNode!, $"{context}.path: '{p}' does not start with {{{{BaseURL}}}} or {{{{RootURL}}}}: a check only requests its target");
        }

        CheckVariables(pathNode, context + ".path", paths);
        var headers = new List<KeyValuePair<string, string>>();
        if (fields.TryGetValue("headers", out var headerNode) && Mapping(headerNode, context + ".headers", null) is { } headerFields)
        {
            foreach (var (header, value) in headerFields)
            {
                var text = value is YamlScalarNode { Value: { } v } ? v : null;
                if (text is null)
                {
                    Error(value, $"{context}.headers.{header}: expected text");
                    continue;
                }

                CheckVariables(value, $"{context}.headers.{header}", [text]);
                headers.Add(new(header, text));
            }
        }

        var redirects = Scalar(fields, "redirects") is "true" || Scalar(fields, "host-redirects") is "true";
        var max = fields.TryGetValue("max-redirects", out var maxNode) ? Number(maxNode, context + ".max-redirects", 0, 10) : null;
        var (matchers, all) = Matchers(fields, context, ["body", "header", "all", "response"], "body");
        return new CheckRequest
        {
            Method = method,
            Paths = paths,
            Headers = headers,
            Body = Scalar(fields, "body"),
            MaxRedirects = redirects ? max ?? 10 : 0,
            Matchers = matchers,
            AllMatchers = all,
            Extractors = Extractors(fields, context, ["body", "header", "all", "response"]),
        };
    }

    private CheckRequest? Network(YamlNode node, string context)
    {
        if (Mapping(node, context, NetworkKeys) is not { } fields)
        {
            return null;
        }

        int? port = null;
        var hosts = fields.TryGetValue("host", out var hostNode) ? Strings(hostNode, context + ".host") : ["{{Hostname}}"];
        foreach (var host in hosts)
        {
            var match = HostTemplate().Match(host);
            if (!match.Success)
            {
                Error(hostNode!, $"{context}.host: '{host}' is not supported: expected {{{{Hostname}}}} or {{{{Host}}}}, optionally with :PORT (a check only contacts its target; tls:// is not supported)");
                continue;
            }

            if (match.Groups[1].Success)
            {
                port ??= PortOf(hostNode!, match.Groups[1].Value, context + ".host");
            }
        }

        var inputs = new List<CheckInput>();
        var items = fields.TryGetValue("inputs", out var inputNode) ? Sequence(inputNode, context + ".inputs") : [];
        for (var i = 0; i < items.Count; i++)
        {
            if (Mapping(items[i], $"{context}.inputs[{i}]", ["data", "type", "read"]) is not { } input)
            {
                continue;
            }

            var data = Scalar(input, "data") ?? "";
            var type = Scalar(input, "type") ?? "text";
            var read = input.TryGetValue("read", out var readNode) ? Number(readNode, $"{context}.inputs[{i}].read", 0, 65536) ?? 0 : 0;
            if (type == "hex")
            {
                try
                {
                    inputs.Add(new CheckInput(Convert.FromHexString(data.Replace(" ", "", StringComparison.Ordinal)), read));
                }
                catch (FormatException)
                {
                    Error(input["data"], $"{context}.inputs[{i}].data: not hexadecimal");
                }
            }
            else if (type == "text")
            {
                inputs.Add(new CheckInput(System.Text.Encoding.UTF8.GetBytes(data), read));
            }
            else
            {
                Error(input["type"], $"{context}.inputs[{i}].type: expected text or hex, found '{type}'");
            }
        }

        var readSize = fields.TryGetValue("read-size", out var sizeNode) ? Number(sizeNode, context + ".read-size", 1, 65536) ?? 2048 : 2048;
        var (matchers, all) = Matchers(fields, context, ["data", "raw", "all", "body"], "data");
        return new CheckRequest
        {
            Port = port,
            Inputs = inputs,
            ReadSize = readSize,
            Matchers = matchers,
            AllMatchers = all,
            Extractors = Extractors(fields, context, ["data", "raw", "all", "body"]),
        };
    }

    private CheckRequest? Ssl(YamlNode node, string context)
    {
        if (Mapping(node, context, SslKeys) is not { } fields)
        {
            return null;
        }

        if (Scalar(fields, "address") is { } address && address != "{{Host}}:{{Port}}" && address != "{{Hostname}}")
        {
            Error(fields["address"], $"{context}.address: '{address}' is not supported: expected {{{{Host}}}}:{{{{Port}}}} (the target)");
        }

        var (matchers, all) = Matchers(fields, context, ["findings", "facts"], "findings");
        return new CheckRequest { Matchers = matchers, AllMatchers = all, Extractors = Extractors(fields, context, ["findings", "facts"]) };
    }

    private (IReadOnlyList<CheckMatcher> Matchers, bool All) Matchers(Dictionary<string, YamlNode> fields, string context, string[] parts, string defaultPart)
    {
        var condition = Scalar(fields, "matchers-condition") ?? "or";
        if (condition is not ("and" or "or"))
        {
            Error(fields["matchers-condition"], $"{context}.matchers-condition: expected and or or, found '{condition}'");
        }

        var matchers = new List<CheckMatcher>();
        var items = fields.TryGetValue("matchers", out var node) ? Sequence(node, context + ".matchers") : [];
        if (items.Count == 0)
        {
            Error(node ?? fields.Values.First(), $"{context}.matchers: a check needs at least one matcher, or it proves nothing");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{context}.matchers[{i}]";
            if (Mapping(items[i], where, MatcherKeys) is not { } matcher)
            {
                continue;
            }

            var type = Scalar(matcher, "type", required: true, where);
            var part = Part(matcher, where, parts, defaultPart);
            var all = Scalar(matcher, "condition") == "and";
            var negative = Scalar(matcher, "negative") == "true";
            var insensitive = Scalar(matcher, "case-insensitive") == "true";
            switch (type)
            {
                case "status" when parts.Contains("header"):
                    var codes = matcher.TryGetValue("status", out var statusNode) ? Strings(statusNode, where + ".status").Select(s => PortOf(statusNode, s, where + ".status")).OfType<int>().ToList() : [];
                    matchers.Add(new CheckMatcher(MatcherKind.Status, part, [], false, negative) { Status = codes });
                    break;
                case "word":
                    matchers.Add(new CheckMatcher(MatcherKind.Word, part, Values(matcher, "words", where), all, negative) { CaseInsensitive = insensitive });
                    break;
                case "regex":
                    var patterns = Values(matcher, "regex", where);
                    foreach (var pattern in patterns)
                    {
                        ValidRegex(matcher["regex"], where + ".regex", pattern);
                    }

                    matchers.Add(new CheckMatcher(MatcherKind.Regex, part, patterns, all, negative) { CaseInsensitive = insensitive });
                    break;
                case "binary":
                    var hex = Values(matcher, "binary", where);
                    foreach (var value in hex.Where(h => !HexText().IsMatch(h)))
                    {
                        Error(matcher["binary"], $"{where}.binary: '{value}' is not hexadecimal");
                    }

                    matchers.Add(new CheckMatcher(MatcherKind.Binary, part, hex, all, negative));
                    break;
                case "dsl":
                    Error(matcher["type"], $"{where}.type: dsl matchers are not supported; use status, word, regex or binary");
                    break;
                case null:
                    break;
                default:
                    Error(matcher["type"], $"{where}.type: expected {(parts.Contains("header") ? "status, " : "")}word, regex or binary, found '{type}'");
                    break;
            }
        }

        return (matchers, condition == "and");
    }

    private IReadOnlyList<CheckExtractor> Extractors(Dictionary<string, YamlNode> fields, string context, string[] parts)
    {
        var extractors = new List<CheckExtractor>();
        var items = fields.TryGetValue("extractors", out var node) ? Sequence(node, context + ".extractors") : [];
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{context}.extractors[{i}]";
            if (Mapping(items[i], where, ExtractorKeys) is not { } extractor)
            {
                continue;
            }

            var type = Scalar(extractor, "type", required: true, where);
            var group = extractor.TryGetValue("group", out var groupNode) ? Number(groupNode, where + ".group", 0, 99) ?? 0 : 0;
            if (type == "regex")
            {
                var patterns = Values(extractor, "regex", where);
                foreach (var pattern in patterns)
                {
                    ValidRegex(extractor["regex"], where + ".regex", pattern);
                }

                extractors.Add(new CheckExtractor("regex", Scalar(extractor, "name"), Part(extractor, where, parts, parts[0]), patterns, group));
            }
            else if (type == "kval" && parts.Contains("header"))
            {
                extractors.Add(new CheckExtractor("kval", Scalar(extractor, "name"), "header", Values(extractor, "kval", where), 0));
            }
            else if (type is not null)
            {
                Error(extractor["type"], $"{where}.type: expected regex{(parts.Contains("header") ? " or kval" : "")}, found '{type}'");
            }
        }

        return extractors;
    }

    private string Part(Dictionary<string, YamlNode> fields, string context, string[] parts, string defaultPart)
    {
        var part = Scalar(fields, "part") ?? defaultPart;
        if (!parts.Contains(part, StringComparer.Ordinal))
        {
            Error(fields["part"], $"{context}.part: expected one of {string.Join(", ", parts)}, found '{part}'");
            return defaultPart;
        }

        return part == "response" ? "all" : part == "raw" ? "data" : part;
    }

    private List<string> Values(Dictionary<string, YamlNode> fields, string key, string context)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            Error(fields.Values.First(), $"{context}.{key} is missing");
            return [];
        }

        var values = Strings(node, $"{context}.{key}");
        if (values.Count == 0)
        {
            Error(node, $"{context}.{key}: expected at least one value");
        }

        return values;
    }

    private void ValidRegex(YamlNode node, string context, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            Error(node, $"{context}: '{pattern}' is not a regular expression: {ex.Message}");
        }
    }

    private void CheckVariables(YamlNode? node, string context, IEnumerable<string> texts)
    {
        foreach (Match variable in texts.SelectMany(t => VariableUse().Matches(t)))
        {
            if (!Variables.Contains(variable.Groups[1].Value, StringComparer.Ordinal))
            {
                Error(node!, $"{context}: {{{{{variable.Groups[1].Value}}}}} is not supported; the variables are {string.Join(", ", Variables.Select(v => "{{" + v + "}}"))}");
            }
        }
    }

    private int? PortOf(YamlNode node, string text, string context)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }

        Error(node, $"{context}: '{text}' is not a number from 1 to 65535");
        return null;
    }

    private int? Number(YamlNode node, string context, int min, int max)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(node, $"{context}: expected a whole number from {min} to {max}");
        return null;
    }

    private Dictionary<string, YamlNode>? Mapping(YamlNode node, string context, string[]? known)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{context}: expected a mapping");
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            if (known is not null && !known.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, $"{context}: '{key}' is not supported by Ctem's checks (expected {string.Join(", ", known)}); unknown constructs are refused, never skipped");
                continue;
            }

            fields[key] = value;
        }

        return fields;
    }

    private List<YamlNode> Sequence(YamlNode node, string context)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Error(node, $"{context}: expected a list");
        return [];
    }

    private List<string> Strings(YamlNode node, string context)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } single }:
                return [single];
            case YamlSequenceNode sequence:
                var values = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        values.Add(value);
                    }
                    else
                    {
                        Error(item, $"{context}: expected text");
                    }
                }

                return values;
            default:
                Error(node, $"{context}: expected text or a list of text");
                return [];
        }
    }

    private string? Scalar(Dictionary<string, YamlNode> fields, string key, bool required = false, string? context = null)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            if (required)
            {
                Error(fields.Values.FirstOrDefault() ?? new YamlScalarNode(), $"{(context is null ? "" : context + ".")}{key} is missing");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, $"{(context is null ? "" : context + ".")}{key}: expected text");
        return null;
    }

    private void Error(YamlNode node, string message) =>
        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidCheck, path, message, $"{node.Start.Line}:{node.Start.Column}"));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex CheckId();

    [GeneratedRegex(@"^\{\{Host(?:name)?\}\}(?::(\d+))?$")]
    private static partial Regex HostTemplate();

    [GeneratedRegex(@"\{\{([^}]*)\}\}")]
    private static partial Regex VariableUse();

    [GeneratedRegex(@"^(?:[0-9A-Fa-f]{2})+$")]
    private static partial Regex HexText();
}
